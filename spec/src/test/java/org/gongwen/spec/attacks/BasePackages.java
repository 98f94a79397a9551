package org.gongwen.spec.attacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.pkg.RawPackage;
import org.gongwen.testing.Fixtures;

/**
 * The packages cases start from, built once per profile through the public API with the
 * Fixtures keys of this run. {@code valid}: 礼泉县 sends a 报告 to 咸阳市 (copy to 淳化县), with
 * the 正文 {@code 正文.pdf} (4,000 bytes) and one 附件 {@code 附件1 统计表.xlsx} (1,500 bytes),
 * signed by 礼泉县's certificate.
 */
final class BasePackages {
    static final String DEFAULT = "valid";
    static final Set<String> NAMES = Set.of("valid");

    private final Path dir;
    private final Map<SignatureProfile, RawPackage> valid = new EnumMap<>(SignatureProfile.class);

    BasePackages(Path dir) {
        this.dir = dir;
    }

    /** A fresh copy of the named base for a profile. */
    synchronized RawPackage get(String name, SignatureProfile p) throws IOException, GongwenException {
        if (!DEFAULT.equals(name)) {
            throw new IllegalArgumentException("unknown base " + name);
        }
        RawPackage base = valid.get(p);
        if (base == null) {
            Path work = Files.createDirectories(dir.resolve(p.name()));
            Path pkg = work.resolve("valid.gwpkg");
            Gongwen.load().newPackage().header(Fixtures.header()).metadata(Fixtures.metadata())
                    .body(Fixtures.file(work, "正文.pdf", 4000, 11))
                    .attachment(Fixtures.file(work, "附件1 统计表.xlsx", 1500, 12))
                    .signWith(Fixtures.pki(p).liquan.identity())
                    .writeTo(pkg);
            base = RawPackage.read(pkg);
            valid.put(p, base);
        }
        return base.copy();
    }
}
