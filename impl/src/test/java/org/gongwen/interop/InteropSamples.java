package org.gongwen.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.pkg.RawPackage;
import org.gongwen.testing.Fixtures;

/** Packages, files and small edits shared by the interoperability tests. */
final class InteropSamples {
    static final Gongwen GW = Gongwen.load();

    private InteropSamples() {
    }

    /** Packs and signs a sample package (body and one attachment) as 礼泉县 with {@code profile}. */
    static Path pack(Path dir, SignatureProfile profile) throws IOException, GongwenException {
        Path body = Fixtures.file(dir, "正文.ofd", 20_000, 11);
        Path att = Fixtures.file(dir, "附件1 统计表.xlsx", 5_000, 12);
        Path pkg = dir.resolve("sample-" + profile + ".gwpkg");
        GW.newPackage().header(Fixtures.header()).metadata(Fixtures.metadata()).body(body).attachment(att)
                .signWith(Fixtures.pki(profile).liquan.identity()).writeTo(pkg);
        return pkg;
    }

    /** The envelope.xml bytes of a package, exactly as stored. */
    static byte[] envelopeBytes(Path pkg) throws IOException {
        return RawPackage.read(pkg).entry("envelope.xml").data;
    }

    /** Writes objects (certificates, keys) as PEM and returns the file. */
    static Path pem(Path file, Object... objects) throws IOException {
        DevPki.writePem(file, objects);
        return file;
    }

    /** Writes bytes to a file and returns it. */
    static Path write(Path file, byte[] data) throws IOException {
        return Files.write(file, data);
    }

    /**
     * The same XML with exactly one character changed: the first character of the Title text
     * (标题) becomes the next code point.
     */
    static byte[] changeTitleCharacter(byte[] xml) {
        String s = new String(xml, StandardCharsets.UTF_8);
        int i = s.indexOf("<Title>");
        assertTrue(i >= 0, "no <Title> in the envelope");
        i += "<Title>".length();
        char c = s.charAt(i);
        assertTrue(Character.isLetter(c) && !Character.isSurrogate(c) && !Character.isSurrogate((char) (c + 1)), "unexpected Title text");
        String changed = s.substring(0, i) + (char) (c + 1) + s.substring(i + 1);
        assertEquals(s.length(), changed.length());
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    /** A copy with one bit of the middle byte flipped. */
    static byte[] changeOneByte(byte[] data) {
        byte[] c = data.clone();
        c[c.length / 2] ^= 0x01;
        return c;
    }
}
