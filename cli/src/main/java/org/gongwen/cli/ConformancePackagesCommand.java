package org.gongwen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.conformance.packages.PackageCheck;
import org.gongwen.conformance.packages.PackageConformance;
import org.gongwen.conformance.packages.VectorIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gongwen conformance packages}: verifies every package of a folder, against an index of expectations if there is one. */
@Command(name = "packages", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks every package (*.gwpkg, sub-folders included) of a folder against the standard.",
                "%nPrints one line per package, in the order of their paths: PASS or FAIL, the file, the verdict "
                + "(valid or refused) and the error code ('-' if valid), and for a failed expectation 'expected ...'. "
                + "With an index (--index, or DIR/index.json if present; format: spec/vectors/packages/README.md) each "
                + "verdict and code is compared with the index, and a package missing from the folder or from the index "
                + "fails. Without one, a package passes when it is valid. The trust anchors and CRLs are those of the "
                + "index unless --trust is given. On a terminal, standard error shows the progress."},
        footer = {"", "Exit status: 0 every package passed; 1 some package failed; 2 usage error; "
                + "3 a file could not be read."})
final class ConformancePackagesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ConformanceCommand parent;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder of packages")
    Path dir;

    @Option(names = "--index", paramLabel = "JSON", description = "the expectations (default: DIR/index.json if it exists)")
    Path index;

    @Option(names = "--no-index", description = "ignore DIR/index.json: only report verdicts")
    boolean noIndex;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() throws GongwenException {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "not a folder: " + dir);
        }
        if (index != null && noIndex) {
            throw new ParameterException(spec.commandLine(), "--index and --no-index exclude each other");
        }
        Path indexFile = index != null ? index : noIndex || !Files.isRegularFile(dir.resolve("index.json")) ? null : dir.resolve("index.json");
        VectorIndex expectations = null;
        if (indexFile != null) {
            InputFiles.requireReadable(List.of(indexFile));
            try {
                expectations = VectorIndex.read(indexFile);
            } catch (IOException e) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read the index " + indexFile + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "the index " + indexFile + " does not follow the format: " + e.getMessage());
            }
        }
        Gongwen gw = Gongwen.load();
        TrustPolicy policy;
        if (trust.given() || expectations == null || expectations.trustAnchors().isEmpty()) {
            policy = trust.policy(spec.commandLine(), gw.keys());
        } else {
            Path base = indexFile.toAbsolutePath().getParent();
            policy = PackageConformance.policy(base, expectations, gw.keys());
        }
        PrintWriter out = spec.commandLine().getOut();
        Counter progress = new Counter(spec.commandLine().getErr(), parent.parent.terminal);
        List<PackageCheck> checks;
        try {
            checks = PackageConformance.run(dir, policy, expectations, progress);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot list " + dir + ": " + e.getMessage(), e);
        } finally {
            progress.end();
        }
        long failed = 0;
        for (PackageCheck c : checks) {
            out.println(c.line());
            failed += c.passed() ? 0 : 1;
        }
        out.println(checks.size() + " packages: " + (checks.size() - failed) + " passed, " + failed + " failed"
                + (expectations == null ? " (no index: a package passes when it is valid)" : " (against " + indexFile + ")"));
        out.flush();
        return failed == 0 && !checks.isEmpty() ? ExitStatus.OK : ExitStatus.REFUSED;
    }

    /** A one-line count of packages checked, redrawn on a terminal only. */
    static final class Counter implements PackageConformance.Listener {
        private final PrintWriter err;
        private final boolean draw;
        private int width;

        Counter(PrintWriter err, boolean draw) {
            this.err = err;
            this.draw = draw;
        }

        @Override
        public void checking(int done, int total, String file) {
            if (!draw) {
                return;
            }
            String text = "checking " + (done + 1) + "/" + total + "  " + file;
            err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            err.flush();
            width = text.length();
        }

        /** Clears the line, if one was drawn. */
        void end() {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
            }
            width = 0;
        }
    }
}
