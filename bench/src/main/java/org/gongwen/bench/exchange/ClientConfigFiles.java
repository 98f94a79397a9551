package org.gongwen.bench.exchange;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;

/**
 * Client configuration files (the SDK's {@code Gongwen.exchangeConfig(Path)} format) for the
 * organisations of a development platform whose PKI was written with {@code DevPlatform.writeFiles()},
 * so that a separate JVM can act for an organisation as an application would.
 */
final class ClientConfigFiles {
    private ClientConfigFiles() {
    }

    /**
     * Writes {@code pki/orgs/<code>/client.properties}, naming the files beside it.
     *
     * @return the file
     */
    static Path write(Path pki, OrgCode org, URI node, SignatureProfile profile) throws IOException {
        Path file = pki.resolve("orgs").resolve(org.value()).resolve("client.properties");
        String text = "organisation=" + org.value() + "\n"
                + "node=" + node + "\n"
                + "tls.key=tls-key.pem\n"
                + "tls.certificates=tls-cert.pem\n"
                + "tls.trust=../../tls-ca.pem\n"
                + "signing.profile=" + profile.name() + "\n"
                + "signing.key=signing-key.pem\n"
                + "signing.certificates=signing-cert.pem\n"
                + "trust.anchors=../../document-ca.pem\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
