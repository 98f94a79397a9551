package org.gongwen.bench.exchange;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongwen.api.Gongwen;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceivedMessage;

/**
 * The receiving JVM of {@link LargeExchangeRun} (meant for {@code -Xmx64m}): acts for one
 * organisation from its client configuration file. It fetches and acknowledges the warm-up message
 * and downloads the warm-up package plainly (so that the JIT has compiled the hot loops), then fetches the large message (download, verify while
 * writing, keep), acknowledges it, and downloads the same package bytes plainly from the
 * {@link PlainHttpsServer}, each step timed, and prints its {@link ResultLine}. Exits with status 1
 * on any failure.
 *
 * <p>Arguments: {@code --config FILE --inbox DIR --message UUID --plain URI --package-name NAME --warm-up-name NAME}.
 */
public final class LargeReceiver {
    private static final Set<String> OPTIONS = Set.of("config", "inbox", "message", "plain", "package-name", "warm-up-name");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private LargeReceiver() {
    }

    /** Runs the receiver; see the class comment. */
    public static void main(String[] args) {
        Logging.warningsOnly();
        HeapWatch heap = HeapWatch.start();
        try {
            Options o = Options.parse(args, OPTIONS);
            Gongwen gw = Gongwen.load();
            ExchangeConfig config = gw.exchangeConfig(Path.of(o.text("config", "client.properties")));
            Path inbox = Files.createDirectories(Path.of(o.text("inbox", "inbox")));
            UUID large = UUID.fromString(o.text("message", ""));
            ResultLine result = new ResultLine();
            try (ExchangeClient client = gw.exchangeClient(config);
                    PlainHttpsClient plain = new PlainHttpsClient(URI.create(o.text("plain", "")), config)) {
                MailboxEntry entry = null;
                for (int round = 0; round < 10 && entry == null; round++) {
                    List<MailboxEntry> listed = client.mailbox(WAIT);
                    for (MailboxEntry e : listed) {
                        if (e.messageId().equals(large)) {
                            entry = e;
                        } else {
                            Path f = inbox.resolve(e.messageId() + ".gwpkg");
                            client.acknowledge(client.fetch(e, f));
                            Files.delete(f);
                        }
                    }
                }
                if (entry == null) {
                    throw new IllegalStateException("message " + large + " did not arrive in the mailbox");
                }
                Path warm = inbox.resolve("warm-up.plain");
                plain.download(o.text("warm-up-name", ""), warm);
                Files.delete(warm);

                Path file = inbox.resolve(entry.messageId() + ".gwpkg");
                StepClock clock = new StepClock();
                ReceivedMessage m = client.fetch(entry, file);
                clock.step(result, "exchange");
                client.acknowledge(m);
                clock.step(result, "acknowledge");
                long size = Files.size(file);
                if (size != entry.size()) {
                    throw new IllegalStateException("the fetched package has " + size + " bytes, the mailbox said " + entry.size());
                }
                Files.delete(file);
                Path copy = inbox.resolve("plain-download.bin");
                clock.restart();
                long n = plain.download(o.text("package-name", ""), copy);
                clock.step(result, "plain");
                Files.delete(copy);
                if (n != size) {
                    throw new IllegalStateException("the plain download has " + n + " bytes, the package " + size);
                }
                result.put("message", entry.messageId()).put("bytes", size);
            }
            System.out.println(result.heap(heap.figures()).put("process.cpu.seconds", StepClock.processCpuSeconds()));
        } catch (Exception e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
