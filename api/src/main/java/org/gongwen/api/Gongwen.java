package org.gongwen.api;

import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.ServiceLoader;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.pkg.LifecycleBuilder;
import org.gongwen.api.pkg.PackageBuilder;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.UnverifiedPackage;
import org.gongwen.api.sign.KeyMaterial;
import org.gongwen.api.trust.TrustPolicy;

/**
 * The entry point of the SDK. Get one with {@link #load()}, keep it for the application's
 * life, and share it: it is thread-safe.
 */
public interface Gongwen {
    /**
     * Finds the implementation on the class path.
     *
     * @throws IllegalStateException if no implementation is present (add {@code gongwen-impl});
     *     there is deliberately no no-op fallback
     */
    static Gongwen load() {
        Iterator<org.gongwen.api.spi.GongwenProvider> it =
                ServiceLoader.load(org.gongwen.api.spi.GongwenProvider.class, Gongwen.class.getClassLoader()).iterator();
        if (!it.hasNext()) {
            throw new IllegalStateException("no Gongwen implementation found: add org.gongwen:gongwen-impl to the class path");
        }
        return it.next().create();
    }

    /** Starts a new package. */
    PackageBuilder newPackage();

    /**
     * Starts a 撤销 (withdrawal) of a document this organisation sent (spec/lifecycle.md, C-2):
     * a signed {@code WITHDRAWAL} package, to be sent like any package. The platform withdraws the
     * document for each recipient that has not yet signed for it or returned it.
     *
     * @param original the header of the document as sent (for example from the sender's own package file)
     * @param reason why (1 to 2,000 characters); it reaches the recipients and the sender's status
     * @throws IllegalArgumentException if the original is itself a withdrawal or reminder
     */
    LifecycleBuilder withdrawal(Header original, String reason);

    /**
     * Starts a 催办 (reminder) about a document this organisation sent (spec/lifecycle.md, C-3):
     * a signed {@code REMINDER} package for recipients that have not yet signed for it or returned it.
     *
     * @param original the header of the document as sent
     * @param remark what the reminder says (1 to 2,000 characters)
     * @throws IllegalArgumentException if the original is itself a withdrawal or reminder
     */
    LifecycleBuilder reminder(Header original, String remark);

    /** A verifier with the given trust policy and the default {@link Limits}. */
    PackageVerifier verifier(TrustPolicy trust);

    /** A verifier with the given trust policy and limits. */
    PackageVerifier verifier(TrustPolicy trust, Limits limits);

    /**
     * A client for the platform's HTTP binding (spec/transport.md). Build one per application and
     * share it; close it when done.
     *
     * @throws GongwenException {@code LOC-003} if the TLS material cannot be used; {@code LOC-002}
     *     if the signing certificate does not name an organisation or the TLS certificate names
     *     another one
     */
    ExchangeClient exchangeClient(ExchangeConfig config) throws GongwenException;

    /**
     * Reads an exchange client configuration file: UTF-8 properties naming the home node, the
     * TLS and signing key material and the trust anchors (README, "Client configuration file").
     * Relative paths resolve against the file's folder.
     *
     * @throws GongwenException {@code LOC-002} for a missing or unknown key or a bad value,
     *     {@code LOC-003} for key material that cannot be read, {@code LOC-001} if the file cannot be read
     */
    ExchangeConfig exchangeConfig(Path file) throws GongwenException;

    /**
     * An exchange with a persistent outbox and inbox on top of {@code client} (spec/reliability.md):
     * opens the store, creating or upgrading its tables, and deletes the files a crash left
     * half-written. Call {@link ReliableExchange#start()} to start the workers. The exchange does
     * not close the client.
     *
     * @throws GongwenException {@code LOC-002} if the client is not the SDK's own; {@code LOC-001}
     *     if the store cannot be opened, or its schema is newer than this SDK knows
     */
    ReliableExchange reliableExchange(ExchangeClient client, ReliableConfig config) throws GongwenException;

    /** Reading keys, certificates and CRLs. */
    KeyMaterial keys();

    /**
     * Reads a package's envelope for display WITHOUT checking its signature, trust or parts. The
     * result says so in its type; act only on {@link PackageVerifier} results.
     *
     * @throws GongwenException if the package or envelope is malformed
     */
    UnverifiedPackage inspectUnverified(Path packageFile) throws GongwenException;
}
