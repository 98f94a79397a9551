package org.gongwen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.cli.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gongwen inspect}: a readable (or JSON) account of a package, verified or clearly marked as not. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows a package's header, metadata, manifest and signer.",
                "%nShows the routing header, the 18 metadata elements, the manifest with sizes and digests, and "
                + "the signer. With --trust the package is verified first and shown as VERIFIED; without it, only "
                + "the envelope is read and everything is shown as NOT VERIFIED."})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "the package file")
    Path pkg;

    @Option(names = "--json", description = "print JSON (UTF-8, English keys) instead of text")
    boolean json;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() throws GongwenException {
        InputFiles.requireReadable(List.of(pkg));
        Gongwen gw = Gongwen.load();
        Report report;
        if (trust.anchors.isEmpty()) {
            if (trust.given()) {
                throw new ParameterException(spec.commandLine(), "--crl, --intermediate, --require-revocation, --profile and --at need --trust");
            }
            report = PackageReport.unverified(pkg, InputFiles.size(pkg), gw.inspectUnverified(pkg));
        } else {
            report = PackageReport.verified(pkg, InputFiles.size(pkg), gw.verifier(trust.policy(spec.commandLine(), gw.keys())).verify(pkg));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            report.writeJson(w);
        } else {
            report.writeText(w);
        }
        return ExitStatus.OK;
    }
}
