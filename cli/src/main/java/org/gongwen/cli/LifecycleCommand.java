package org.gongwen.cli;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code gongwen withdraw} and {@code gongwen remind} share: a sent message's id, a text, one lifecycle package sent. */
abstract class LifecycleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Parameters(index = "0", paramLabel = "MESSAGE_ID", converter = Converters.Uuid.class, description = "the sent document's message id (a UUID)")
    UUID messageId;

    /** Builds, signs and sends the lifecycle package. */
    abstract Receipt send(ExchangeClient c) throws GongwenException;

    @Override
    public Integer call() throws GongwenException {
        PrintWriter w = spec.commandLine().getOut();
        try (ExchangeClient c = client.open(Gongwen.load())) {
            Receipt r = send(c);
            w.println("ACCEPTED " + r.messageId() + " (" + spec.name() + " of " + messageId + ") by " + r.issuer() + " at " + r.issued());
        }
        w.flush();
        return ExitStatus.OK;
    }
}
