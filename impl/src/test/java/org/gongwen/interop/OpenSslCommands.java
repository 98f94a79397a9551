package org.gongwen.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code openssl pkeyutl} command lines of the interoperability notes: raw signing and
 * verification of whole messages ({@code -rawin}), with a digest and options where the
 * algorithm takes them (SM2: {@code -digest sm3 -pkeyopt distid:...}; Ed25519: none).
 */
final class OpenSslCommands {
    /** The verification outcome lines of OpenSSL 3.0's pkeyutl. */
    static final String VERIFIED = "Signature Verified Successfully";
    static final String NOT_VERIFIED = "Signature Verification Failure";

    private final Path dir;
    private final List<String> algorithmOptions;

    /** @param algorithmOptions for example {@code -digest sm3 -pkeyopt distid:1234567812345678} */
    OpenSslCommands(Path dir, String... algorithmOptions) {
        this.dir = dir;
        this.algorithmOptions = List.of(algorithmOptions);
    }

    /** {@code openssl pkeyutl -verify}; {@code keyOption} is {@code -pubin} (public key PEM) or {@code -certin} (certificate PEM). */
    ExternalTool.Result verify(String keyOption, Path key, Path data, Path signature) {
        List<String> a = new ArrayList<>(List.of("pkeyutl", "-verify", keyOption, "-inkey", key.toString(), "-rawin"));
        a.addAll(List.of("-in", data.toString(), "-sigfile", signature.toString()));
        a.addAll(algorithmOptions);
        return ExternalTool.openssl3().run(dir, a.toArray(String[]::new));
    }

    /** {@code openssl pkeyutl -sign} with a PKCS#8 PEM private key; returns the signature value. */
    byte[] sign(Path key, Path data) throws Exception {
        Path out = Files.createTempFile(dir, "openssl-", ".sig");
        List<String> a = new ArrayList<>(List.of("pkeyutl", "-sign", "-inkey", key.toString(), "-rawin"));
        a.addAll(List.of("-in", data.toString(), "-out", out.toString()));
        a.addAll(algorithmOptions);
        ExternalTool.openssl3().run(dir, a.toArray(String[]::new)).assertExit(0);
        return Files.readAllBytes(out);
    }
}
