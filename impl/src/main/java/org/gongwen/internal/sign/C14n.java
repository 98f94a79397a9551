package org.gongwen.internal.sign;

import java.io.OutputStream;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.w3c.dom.Node;

/**
 * Exclusive XML canonicalization without comments, from Apache Santuario. Santuario's global
 * initialisation happens here, once, and nowhere else in the SDK; no algorithm or provider is
 * registered with it.
 */
final class C14n {
    static {
        org.apache.xml.security.Init.init();
    }

    private C14n() {
    }

    /** Writes the exclusive canonical form of a subtree (or whole document) to {@code out}. */
    static void write(Node node, OutputStream out) throws CanonicalizationException {
        try {
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(node, out);
        } catch (InvalidCanonicalizerException e) {
            throw new IllegalStateException("exclusive canonicalization unavailable", e);
        }
    }
}
