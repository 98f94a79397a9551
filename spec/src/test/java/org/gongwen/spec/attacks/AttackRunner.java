package org.gongwen.spec.attacks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;

/**
 * Runs one attack case under one profile: builds the mutated package, verifies it from a
 * stream and extracts it from a file, and checks that both answer exactly the expected code
 * (or succeed, for a control case), that extraction left nothing behind, and that no canary
 * was touched. Returns the problems found; an empty list means the run passed.
 */
final class AttackRunner {
    private static final Gongwen GW = Gongwen.load();

    private final Path vectorDir;
    private final Path work;
    private final BasePackages bases;
    private final Canaries canaries;

    AttackRunner(Path vectorDir, Path work, BasePackages bases, Canaries canaries) {
        this.vectorDir = vectorDir;
        this.work = work;
        this.bases = bases;
        this.canaries = canaries;
    }

    List<String> run(AttackCase c, SignatureProfile p) {
        List<String> problems = new ArrayList<>();
        byte[] pkg;
        SigningIdentity signer = Signers.get(p, c.signer);
        CaseContext ctx = new CaseContext(c.id, p, signer, vectorDir, canaries);
        Subject s;
        try {
            s = new Subject(ctx, bases.get(c.base, p));
        } catch (Exception e) {
            problems.add("cannot build base '" + c.base + "': " + describe(e));
            return problems;
        }
        for (var step : c.steps) {
            try {
                Operators.apply(step, s);
            } catch (Exception | AssertionError e) {
                problems.add("vector error in " + step + ": " + describe(e));
                return problems;
            }
        }
        pkg = s.bytes();
        PackageVerifier verifier = GW.verifier(Policies.get(p, c.policy), c.limits());
        Optional<ErrorCode> want = c.expectedCode();

        check("verify(InputStream)", want, () -> verifier.verify(new ByteArrayInputStream(pkg)), problems);
        Path dir = work.resolve(c.id + "-" + p);
        try {
            Path file = Files.createDirectories(work.resolve("packages")).resolve(c.id + "-" + p + ".gwpkg");
            Files.write(file, pkg);
            check("extract(Path, Path)", want, () -> verifier.extract(file, dir), problems);
            Files.delete(file);
            List<Path> left = listFiles(dir);
            if (want.isPresent() && !left.isEmpty()) {
                problems.add("extraction failed but left " + left);
            }
            for (Path f : left) {
                Files.delete(f);
            }
        } catch (IOException e) {
            problems.add("cannot run extraction: " + describe(e));
        }
        canaries.touched().forEach(t -> problems.add("a forbidden resource was fetched: " + t));
        return problems;
    }

    /** A verification call. */
    private interface Call {
        void run() throws GongwenException;
    }

    private static void check(String what, Optional<ErrorCode> want, Call call, List<String> problems) {
        try {
            call.run();
            want.ifPresent(code -> problems.add(what + " accepted the package; expected " + code.code()));
        } catch (GongwenException e) {
            if (Canaries.leaks(e.getMessage())) {
                problems.add(what + " error text contains the secret of the file canary");
            }
            if (want.isEmpty()) {
                problems.add(what + " refused a control package: " + e.getMessage());
            } else if (e.code() != want.get()) {
                problems.add(what + " answered " + e.code().code() + " instead of " + want.get().code() + ": " + e.getMessage());
            }
        } catch (RuntimeException | Error e) {
            problems.add(what + " threw " + describe(e) + " instead of " + want.map(ErrorCode::code).orElse("succeeding"));
        }
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(java.util.stream.Collectors.toList());
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof GongwenException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String t = w.toString();
        return t.length() > 1500 ? t.substring(0, 1500) + "..." : t;
    }
}
