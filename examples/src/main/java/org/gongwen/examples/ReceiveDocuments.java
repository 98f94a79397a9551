package org.gongwen.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.pkg.VerifiedPackage;

/**
 * The README's "Receive, sign for or return", as a runnable main:
 * {@code ReceiveDocuments CLIENT.properties INBOX-DIR}: one round of the mailbox; every verified
 * document is kept in INBOX-DIR and signed for (签收).
 */
public final class ReceiveDocuments {
    private ReceiveDocuments() {
    }

    public static void main(String[] args) throws GongwenException {
        if (args.length != 2) {
            System.err.println("usage: ReceiveDocuments CLIENT.properties INBOX-DIR");
            System.exit(2);
        }
        List<String> titles = receive(Gongwen.load().exchangeConfig(Path.of(args[0])), Path.of(args[1]), Duration.ofSeconds(30));
        titles.forEach(t -> System.out.println("received and signed for: " + t));
    }

    static List<String> receive(ExchangeConfig config, Path inbox, Duration wait) throws GongwenException {
        Gongwen gongwen = Gongwen.load();
        List<String> titles = new ArrayList<>();
        try (ExchangeClient client = gongwen.exchangeClient(config)) {
            ReceiveResult round = client.receive(inbox, wait, message -> {
                VerifiedPackage doc = message.verified();           // only verified packages get here
                titles.add(doc.envelope().metadata().title());      // hand it to your OA here
            });                                                     // returned normally: the SDK posted DELIVERED
            for (ReceivedMessage m : round.handled()) {
                client.signFor(m.verified(), "办公室 王文书");      // 签收; or client.returnDocument(m.verified(), "理由")
            }
        }
        return titles;
    }
}
