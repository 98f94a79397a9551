package org.gongwen.conformance.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.function.Consumer;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.sign.EnvelopeSigner;
import org.gongwen.internal.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The packages the scenarios send: valid ones made with the SDK, and altered copies that break
 * one rule each (a changed part, no signature, a signature by someone else, a 密级) while the rest
 * of the package stays exact.
 */
final class SamplePackages {
    static final String NS = "urn:gongwen:exchange:1.0";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private final Gongwen gw;
    private final Path work;
    private final Random random = new Random();

    SamplePackages(Gongwen gw, Path work) {
        this.gw = gw;
        this.work = work;
    }

    /** A signed package with a 正文 of {@code bodyBytes} random bytes, written to a new file. */
    Path write(Header header, SigningIdentity signer, long bodyBytes) throws GongwenException, IOException {
        Path dir = Files.createTempDirectory(work, "pkg");
        Path body = dir.resolve("正文.pdf");
        try (OutputStream out = Files.newOutputStream(body)) {
            byte[] chunk = new byte[64 * 1024];
            for (long left = bodyBytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        Path out = dir.resolve(header.messageId() + ".gwpkg");
        gw.newPackage().header(header).metadata(metadata()).body(body).signWith(signer).writeTo(out);
        Files.delete(body);
        return out;
    }

    /** A small signed package's bytes. */
    byte[] bytes(Header header, SigningIdentity signer) throws GongwenException, IOException {
        return Files.readAllBytes(write(header, signer, 2_000));
    }

    static DocumentMetadata metadata() {
        return DocumentMetadata.builder().kind(DocumentKind.NOTICE).copyNumber("000001")
                .issuerMark("公文交换一致性测试").documentNumber(DocumentNumber.parse("测试〔2026〕1号"))
                .title("关于平台节点一致性测试的通知").principalRecipients("测试机关").issuingAuthority("测试机关")
                .dateOfWriting(LocalDate.of(2026, 1, 5)).build();
    }

    /** A copy with one byte of the first part changed (the ZIP's CRC-32 follows it, so only the digest differs). */
    static byte[] tamperPart(byte[] pkg) throws IOException {
        StoredZip z = StoredZip.read(pkg);
        byte[] part = z.firstPart().data;
        part[part.length / 2] ^= 0x01;
        return z.toBytes();
    }

    /** A copy whose envelope carries no signature. */
    static byte[] unsigned(byte[] pkg) throws IOException, GongwenException {
        StoredZip z = StoredZip.read(pkg);
        Document doc = SecureXml.parse(z.envelope().data, 64);
        removeSignatures(doc);
        z.envelope().data = EnvelopeSigner.serialize(doc);
        return z.toBytes();
    }

    /** A copy whose envelope was changed by {@code change} and signed again by {@code signer}. */
    static byte[] resign(byte[] pkg, SigningIdentity signer, Consumer<Document> change) throws IOException, GongwenException {
        StoredZip z = StoredZip.read(pkg);
        Document doc = SecureXml.parse(z.envelope().data, 64);
        removeSignatures(doc);
        change.accept(doc);
        EnvelopeSigner.sign(doc, signer);
        z.envelope().data = EnvelopeSigner.serialize(doc);
        return z.toBytes();
    }

    /** Adds a 密级 (秘密) after the 份号, as a classified document carries it (E-7). */
    static void classify(Document doc) {
        Element copy = (Element) doc.getElementsByTagNameNS(NS, "CopyNumber").item(0);
        Element cls = doc.createElementNS(NS, "Classification");
        cls.setAttribute("level", "SECRET");
        copy.getParentNode().insertBefore(cls, copy.getNextSibling());
    }

    private static void removeSignatures(Document doc) {
        NodeList sigs = doc.getElementsByTagNameNS(DSIG, "Signature");
        for (int i = sigs.getLength() - 1; i >= 0; i--) {
            Node s = sigs.item(i);
            s.getParentNode().removeChild(s);
        }
    }
}
