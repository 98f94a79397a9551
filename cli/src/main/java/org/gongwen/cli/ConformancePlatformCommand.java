package org.gongwen.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.conformance.platform.PlatformSuite;
import org.gongwen.conformance.platform.SuiteResult;
import org.gongwen.conformance.platform.TesterProfile;
import org.gongwen.conformance.platform.report.HtmlReport;
import org.gongwen.conformance.platform.report.JUnitXmlReport;
import org.gongwen.conformance.platform.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gongwen conformance platform}: runs the platform scenario suite against a running node. */
@Command(name = "platform", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks over HTTP that a running platform node follows the standard (spec/transport.md): submissions,",
                "duplicates, refusals with their codes, mailbox isolation, impersonation, receipts, per-recipient status",
                "and forwarding. Prints one line per scenario with its clause; failures show expected and observed outcome.",
                "%nThe testers are client configuration files (docs/cli.md): those whose node is URL are organisations homed",
                "on the node under test (two or more); the others, homed on its parent or children, serve the forwarding",
                "scenarios. On a terminal, standard error shows the progress."},
        footer = {"", "Exit status: 0 no scenario failed (skipped ones allowed unless --strict); 1 a scenario failed, or was "
                + "skipped under --strict; 2 usage error; 3 a tester file, key or report file cannot be used."})
final class ConformancePlatformCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tester", required = true, split = ",", paramLabel = "DIR|FILE",
            description = "a folder of *.client.properties files, or client files; repeatable")
    List<Path> testers;

    @Option(names = "--max-package-bytes", paramLabel = "BYTES",
            description = "the node's package limit, for the oversize scenario (skipped without it)")
    Long maxPackageBytes;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long a scenario waits for a message or receipt to arrive (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--report-junit", paramLabel = "FILE", description = "also write the report as JUnit XML, for CI systems")
    Path junit;

    @Option(names = "--report-html", paramLabel = "FILE", description = "also write the report as one self-contained HTML page")
    Path html;

    @Option(names = "--strict", description = "count a skipped scenario as a failure")
    boolean strict;

    @Parameters(index = "0", paramLabel = "URL", description = "the node under test, for example https://node.example:8443/")
    URI node;

    @Override
    public Integer call() throws Exception {
        if (!"https".equalsIgnoreCase(node.getScheme()) || node.getHost() == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "URL must be an https URL with a host: " + node);
        }
        if (timeoutSeconds < 1) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "--timeout must be at least 1 second: " + timeoutSeconds);
        }
        for (Path t : testers) {
            if (!Files.isDirectory(t)) {
                InputFiles.requireReadable(List.of(t));
            }
        }
        Gongwen gw = Gongwen.load();
        TesterProfile.Builder b = TesterProfile.fromFiles(gw, node, testers).timeout(Duration.ofSeconds(timeoutSeconds));
        if (maxPackageBytes != null) {
            if (maxPackageBytes < 1) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "--max-package-bytes must be positive: " + maxPackageBytes);
            }
            b.maxPackageBytes(maxPackageBytes);
        }
        TesterProfile profile = b.build();
        GongwenCommand root = (GongwenCommand) spec.root().userObject();
        ScenarioProgress progress = new ScenarioProgress(spec.commandLine().getErr(), root.terminal);
        SuiteResult result;
        try {
            result = PlatformSuite.run(gw, profile, progress);
        } finally {
            progress.end();
        }
        PrintWriter out = spec.commandLine().getOut();
        TextReport.write(result, out);
        if (junit != null) {
            write(junit, o -> JUnitXmlReport.write(result, o));
        }
        if (html != null) {
            write(html, o -> HtmlReport.write(result, o));
        }
        return result.conforms(strict) ? ExitStatus.OK : ExitStatus.REFUSED;
    }

    private interface ReportWriter {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path file, ReportWriter w) throws GongwenException {
        try (OutputStream o = Files.newOutputStream(file)) {
            w.write(o);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
