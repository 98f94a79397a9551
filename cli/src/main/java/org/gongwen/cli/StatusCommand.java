package org.gongwen.cli;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.gongwen.api.Gongwen;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.RecipientStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gongwen status}: the per-recipient status of a sent message. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows where a sent message stands for each recipient, with its receipts.",
                "%nEvery receipt is verified against the client's trust anchors, and each recipient's state is "
                + "derived from its receipts."},
        footer = {"", "Exit status: 0 shown; 1 refused (MSG-003: this node knows no such message from this organisation; "
                + "MSG-004: a receipt does not belong); 2 usage error; 5 the node could not be reached or failed."})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Parameters(index = "0", paramLabel = "MESSAGE_ID", converter = Converters.Uuid.class, description = "the message id (a UUID)")
    UUID messageId;

    @Override
    public Integer call() throws Exception {
        Gongwen gw = Gongwen.load();
        PrintWriter w = spec.commandLine().getOut();
        try (ExchangeClient c = client.open(gw)) {
            print(w, c.status(messageId));
        }
        w.flush();
        return ExitStatus.OK;
    }

    /** Prints a status: the acceptance, then each recipient with its timeline. */
    static void print(PrintWriter w, MessageStatus s) {
        w.println("message " + s.messageId() + " from " + s.sender());
        w.println("  ACCEPTED   " + s.accepted().issued() + " by " + s.accepted().issuer());
        for (RecipientStatus r : s.recipients()) {
            w.println("  " + r.recipient() + (r.primary() ? " 主送 " : " 抄送 ") + r.state());
            for (Receipt t : r.timeline()) {
                StringBuilder line = new StringBuilder().append(String.format("%-10s", t.type())).append(' ')
                        .append(t.issued()).append(" by ").append(t.issuer());
                t.fromNode().ifPresent(n -> line.append(" from ").append(n));
                t.signedBy().ifPresent(n -> line.append(" 签收人: ").append(n));
                t.reason().ifPresent(n -> line.append(" 理由: ").append(n));
                t.errorCode().ifPresent(n -> line.append(" ").append(n));
                t.causedBy().ifPresent(n -> line.append(" (message ").append(n).append(')'));
                w.println("    " + ErrorReporter.oneLine(line.toString()));
            }
        }
    }
}
