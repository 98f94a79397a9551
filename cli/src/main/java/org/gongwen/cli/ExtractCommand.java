package org.gongwen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.pkg.VerifiedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gongwen extract}: verifies a package and writes its parts into a directory. */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verifies a package and extracts its parts.",
                "%nVerification and extraction are one pass. Parts appear in --out only when the whole package "
                + "has verified; on any failure nothing is left behind. Existing files are never overwritten."},
        footer = {"", "Exit status as for 'gongwen verify'."})
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "the package file")
    Path pkg;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to extract into (created if missing)")
    Path out;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() throws GongwenException {
        InputFiles.requireReadable(List.of(pkg));
        Gongwen gw = Gongwen.load();
        var verifier = gw.verifier(trust.policy(spec.commandLine(), gw.keys()));
        boolean created = !Files.exists(out);
        VerifiedPackage v;
        try {
            v = verifier.extract(pkg, out);
        } catch (GongwenException | RuntimeException e) {
            if (created) {
                removeIfEmpty(out);
            }
            throw e;
        }
        PrintWriter w = spec.commandLine().getOut();
        EnvelopeSummary.printValid(w, pkg, v);
        w.println("extracted into " + out + ":");
        for (Part p : v.envelope().manifest().parts()) {
            w.println("  " + v.extractedParts().get(p.name()));
        }
        w.flush();
        return ExitStatus.OK;
    }

    /** Removes a directory this command created, when the failed extraction left it empty. */
    private static void removeIfEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            // best effort: it was empty or is gone
        }
    }
}
