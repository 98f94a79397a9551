package org.gongwen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.pkg.VerifiedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gongwen verify}: checks a package completely under a trust policy. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verifies a package against trust anchors.",
                "%nChecks the layout, the envelope schema, the signature, the certificate path to a --trust "
                + "anchor, the binding of the certificate to the sender, revocation, and every part's size and digest."},
        footer = {"", "Exit status: 0 valid; 1 refused, with one line on standard error that starts with the "
                + "error code (e.g. 'SIG-003 ...', 'TRU-001 ...'); 2 usage error; 3 a file could not be read."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "the package file")
    Path pkg;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() throws GongwenException {
        InputFiles.requireReadable(List.of(pkg));
        Gongwen gw = Gongwen.load();
        VerifiedPackage v = gw.verifier(trust.policy(spec.commandLine(), gw.keys())).verify(pkg);
        PrintWriter w = spec.commandLine().getOut();
        EnvelopeSummary.printValid(w, pkg, v);
        w.flush();
        return ExitStatus.OK;
    }
}
