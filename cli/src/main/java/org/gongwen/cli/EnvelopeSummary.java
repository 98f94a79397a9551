package org.gongwen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartRole;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.cli.report.Report;

/**
 * The few lines about a package that {@code pack}, {@code verify} and {@code extract} print.
 * Text from the package is printed through {@link Report#visible}.
 */
final class EnvelopeSummary {
    private EnvelopeSummary() {
    }

    /** The "VALID" line and the summary of a verified package. */
    static void printValid(PrintWriter w, Path file, VerifiedPackage v) {
        w.println("VALID " + file + " (signed with " + v.signer().profile() + " by "
                + Report.visible(CertificateNames.subject(v.signer().certificate())) + ")");
        print(w, v.envelope());
    }

    /** The summary: message id, routing, document, parts. */
    static void print(PrintWriter w, Envelope env) {
        Header h = env.header();
        DocumentMetadata m = env.metadata();
        w.println("  message id  " + h.messageId());
        w.println("  from        " + h.sender());
        w.println("  to          " + join(h.to()) + (h.cc().isEmpty() ? "" : "; cc " + join(h.cc())));
        w.println("  document    " + m.kind().label() + " " + Report.visible(m.documentNumber().map(n -> n + " ").orElse("") + m.title()));
        w.println("  parts       " + env.manifest().parts().size() + " (" + env.manifest().totalSize() + " bytes)");
        for (Part p : env.manifest().parts()) {
            w.println("    " + (p.role() == PartRole.BODY ? "正文 " : "附件 ") + Report.visible(p.name()) + " (" + p.mediaType() + ", "
                    + p.size() + " bytes)");
        }
    }

    private static String join(List<OrgCode> codes) {
        return codes.stream().map(OrgCode::value).collect(Collectors.joining(", "));
    }
}
