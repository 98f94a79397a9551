package org.gongwen.bench.exchange;

/**
 * The cryptographic operations one message costs from pack to DELIVERED, counted in the code of
 * the SDK and the reference node (the trail is in bench/README.md). Small digests (the envelope's
 * and a receipt's reference digest, the signature digest that binds a receipt) are part of a
 * signature or verification here; only the passes over the 100 KiB payload are counted as digests.
 *
 * @param signs XML signatures made: the sender's envelope, the ACCEPTED receipt, one RELAYED per
 *     hop, the recipient's DELIVERED
 * @param verifies XML signatures verified (PKIX paths are remembered per verifier, so a verification
 *     is one signature check)
 * @param partDigests passes of the profile's digest (SM3 or SHA-256) over the 正文: packing, and every
 *     verification of the package
 * @param packageSha256 passes of SHA-256 over the package bytes: every node that takes the package in,
 *     and the recipient's download (spec/transport.md T-4.5, T-5.5)
 * @param tlsTransfers transfers of the package over TLS (each encrypted once and decrypted once)
 */
record CryptoCount(int signs, int verifies, int partDigests, int packageSha256, int tlsTransfers) {
    /**
     * The counts for a route.
     *
     * <p>Same node: sender packs (1 digest) and signs (1 sign), verifies ACCEPTED (1 verify); the node
     * hashes and verifies the package (1 SHA-256, 1 verify, 1 digest) and signs ACCEPTED (1 sign); the
     * recipient hashes and verifies the download (1 SHA-256, 1 verify, 1 digest), signs DELIVERED and
     * checks its own receipt as a reader would (1 sign, 1 verify); the node verifies DELIVERED (1 verify).
     *
     * <p>One relay adds: the second node hashes and verifies the package (1 SHA-256, 1 verify, 1 digest)
     * and signs RELAYED (1 sign); the first node verifies RELAYED (1 verify); the DELIVERED receipt is
     * verified again by the sender's home node when it arrives there (1 verify); one more transfer.
     */
    static CryptoCount of(Route route) {
        return route == Route.SAME_NODE ? new CryptoCount(3, 5, 3, 2, 2) : new CryptoCount(4, 8, 4, 3, 3);
    }
}
