package org.gongwen.examples;

import java.nio.file.Path;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.Receipt;

/**
 * The README's "Send a signed document", as a runnable main:
 * {@code SendDocument CLIENT.properties PACKAGE.gwpkg}. Exit status 0 when the home node accepted
 * it, 1 when it was refused, 5 when a retry later can help.
 */
public final class SendDocument {
    private SendDocument() {
    }

    public static void main(String[] args) throws GongwenException {
        if (args.length != 2) {
            System.err.println("usage: SendDocument CLIENT.properties PACKAGE.gwpkg");
            System.exit(2);
        }
        Gongwen gongwen = Gongwen.load();
        try {
            Receipt accepted = send(gongwen.exchangeConfig(Path.of(args[0])), Path.of(args[1]));
            System.out.println("accepted " + accepted.messageId() + " by " + accepted.issuer() + " at " + accepted.issued());
        } catch (GongwenException e) {
            System.err.println((e.code().retryable() ? "try again later: " : "refused: ") + e.getMessage());
            System.exit(e.code().retryable() ? 5 : 1);
        }
    }

    static Receipt send(ExchangeConfig config, Path packageFile) throws GongwenException {
        Gongwen gongwen = Gongwen.load();
        try (ExchangeClient client = gongwen.exchangeClient(config)) {  // once per application; thread-safe
            Receipt accepted = client.send(packageFile);                  // streamed from disk
            // signed by the home node and verified against your trust anchors before you see it
            return accepted;
        }
    }
}
