package org.gongwen.internal.pkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.Gongwen;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawPackageTest {
    @TempDir
    Path dir;

    @Test
    void readingAndWritingAnUnchangedPackageGivesTheSameBytes() throws Exception {
        Path pkg = dir.resolve("p.gwpkg");
        Gongwen.load().newPackage().header(Fixtures.header()).metadata(Fixtures.metadata())
                .body(Fixtures.file(dir, "正文.pdf", 5000, 3)).attachment(Fixtures.file(dir, "a.txt", 10, 4))
                .signWith(Fixtures.pki(SignatureProfile.ECDSA_P256_SHA256).liquan.identity()).writeTo(pkg);
        assertArrayEquals(Files.readAllBytes(pkg), RawPackage.read(pkg).toBytes());
    }
}
