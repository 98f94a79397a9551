package org.gongwen.spec.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.xml.SecureXml;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The canaries catch a parser that fetches: a JDK parser with its default settings reads the
 * XXE vectors' file and URL and is seen doing so, while the SDK's parser on the same bytes
 * refuses them and touches nothing. Without this, "no canary was touched" would prove nothing.
 */
class CanariesTest {
    private static final Path VECTORS = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("vectors/attacks");

    @TempDir
    Path dir;

    private static String expanded(Canaries c, String file) throws Exception {
        CaseContext ctx = new CaseContext("canary-test", SignatureProfile.ED25519,
                Fixtures.pki(SignatureProfile.ED25519).liquan.identity(), VECTORS, c);
        return ctx.expand(Files.readString(VECTORS.resolve(file), StandardCharsets.UTF_8));
    }

    private static Document parseWithJdkDefaults(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void httpCanarySeesAPermissiveParserFetch() throws Exception {
        try (Canaries c = new Canaries(dir)) {
            Document d = parseWithJdkDefaults(expanded(c, "xml/xxe-http.xml"));
            assertTrue(Canaries.leaks(d.getDocumentElement().getTextContent()), "the entity was not expanded from the server");
            assertEquals(1, c.touched().size(), c.touched().toString());
            assertTrue(c.touched().get(0).startsWith("HTTP request GET /canary-test/general-entity"), c.touched().toString());
        }
    }

    @Test
    void fileCanarySeesAPermissiveParserRead() throws Exception {
        try (Canaries c = new Canaries(dir)) {
            Document d = parseWithJdkDefaults(expanded(c, "xml/xxe-file.xml"));
            assertTrue(Canaries.leaks(d.getDocumentElement().getTextContent()), "the file was not read");
            if (c.watchesFileOpens()) {
                assertEquals(java.util.List.of("the file behind ${FILE_URL} was opened"), c.touched());
            }
        }
    }

    @Test
    void theSdkParserTouchesNoCanary() throws Exception {
        try (Canaries c = new Canaries(dir)) {
            for (String f : new String[] {"xml/xxe-http.xml", "xml/xxe-file.xml", "xml/xxe-parameter-entity.xml", "xml/external-dtd.xml"}) {
                byte[] xml = expanded(c, f).getBytes(StandardCharsets.UTF_8);
                GongwenException e = org.junit.jupiter.api.Assertions.assertThrows(GongwenException.class, () -> SecureXml.parse(xml, 32));
                assertEquals(ErrorCode.XML_DTD, e.code(), f + ": " + e.getMessage());
            }
            assertEquals(java.util.List.of(), c.touched());
        }
    }
}
