package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.testing.Fixtures;

/**
 * One development PKI per profile, made with {@code gongwen pki} once per test JVM (key
 * generation is the slow part), for 礼泉县 (the sender), 咸阳市 and 淳化县.
 */
final class TestPki {
    static final String LIQUAN_NAME = "礼泉县人民政府办公室";
    private static final Map<SignatureProfile, TestPki> CACHE = new EnumMap<>(SignatureProfile.class);
    private static Path root;

    final SignatureProfile profile;
    final Path dir;

    private TestPki(SignatureProfile profile, Path dir) {
        this.profile = profile;
        this.dir = dir;
    }

    static synchronized TestPki of(SignatureProfile profile) {
        return CACHE.computeIfAbsent(profile, p -> {
            Path dir = root().resolve(p.name());
            Cli.Result r = Cli.run("pki", "--profile", p.name(), "--out", dir,
                    "--org", Fixtures.LIQUAN + "=" + LIQUAN_NAME,
                    "--org", Fixtures.XIANYANG + "=咸阳市人民政府办公室",
                    "--org", Fixtures.CHUNHUA + "=淳化县人民政府办公室");
            assertEquals(0, r.exit, r.toString());
            return new TestPki(p, dir);
        });
    }

    Path ca() {
        return dir.resolve("ca.cert.pem");
    }

    Path crl() {
        return dir.resolve("ca.crl.pem");
    }

    Path key(OrgCode org) {
        return dir.resolve(org + ".key.pem");
    }

    Path cert(OrgCode org) {
        return dir.resolve(org + ".cert.pem");
    }

    /** Packs a 通知 from 礼泉县 to 咸阳市 with 淳化县 in copy; {@code extra} adds or overrides options. */
    Cli.Result pack(Path out, Path body, Object... extra) {
        List<Object> args = new ArrayList<>(List.of("pack", "--key", key(Fixtures.LIQUAN), "--cert", cert(Fixtures.LIQUAN),
                "--to", Fixtures.XIANYANG.value(), "--cc", Fixtures.CHUNHUA.value(), "--body", body, "--out", out,
                "--kind", "通知", "--title", "关于做好2026年冬季森林防火工作的通知", "--number", "礼政办发〔2026〕7号",
                "--issuer-mark", "礼泉县人民政府办公室文件", "--date", "2026-11-20"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray());
    }

    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("gongwen-cli-test-pki");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path r = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(r)));
        }
        return root;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
