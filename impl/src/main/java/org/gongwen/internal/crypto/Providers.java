package org.gongwen.internal.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider, as a private instance. It is never added to the JVM's provider
 * list: that would slow every SHA-256 of the host application and change its behaviour. Every
 * call that needs Bouncy Castle passes this instance explicitly.
 */
public final class Providers {
    private static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }

    /** The private Bouncy Castle instance. */
    public static Provider bc() {
        return BC;
    }
}
