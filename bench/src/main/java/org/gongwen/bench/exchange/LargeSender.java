package org.gongwen.bench.exchange;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.gongwen.api.Gongwen;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;

/**
 * The sending JVM of {@link LargeExchangeRun} (meant for {@code -Xmx64m}): acts for one organisation
 * from its client configuration file. After a warm-up with a smaller package (packed, sent, and
 * uploaded plainly, so that the JIT has compiled the hot loops, TLS record protection among them),
 * it packs and signs the 正文 and the large attachment into a package, uploads the package
 * plainly to the {@link PlainHttpsServer}, then submits it to its home node, each step timed, and
 * prints its {@link ResultLine}. Exits with status 1 on any failure.
 *
 * <p>Arguments: {@code --config FILE --from ORG --to ORG --body FILE --attachment FILE --package FILE
 * --warm-up-attachment FILE --warm-up FILE --plain URI}.
 */
public final class LargeSender {
    private static final Set<String> OPTIONS = Set.of("config", "from", "to", "body", "attachment", "package", "warm-up-attachment",
            "warm-up", "plain");

    private LargeSender() {
    }

    /** Runs the sender; see the class comment. */
    public static void main(String[] args) {
        Logging.warningsOnly();
        HeapWatch heap = HeapWatch.start();
        try {
            Options o = Options.parse(args, OPTIONS);
            Gongwen gw = Gongwen.load();
            ExchangeConfig config = gw.exchangeConfig(Path.of(o.text("config", "client.properties")));
            OrgCode from = OrgCode.of(o.text("from", ""));
            OrgCode to = OrgCode.of(o.text("to", ""));
            Path body = Path.of(o.text("body", ""));
            Path attachment = Path.of(o.text("attachment", ""));
            Path pkg = Path.of(o.text("package", ""));
            Path warm = Path.of(o.text("warm-up", ""));
            ResultLine result = new ResultLine();
            try (ExchangeClient client = gw.exchangeClient(config);
                    PlainHttpsClient plain = new PlainHttpsClient(URI.create(o.text("plain", "")), config)) {
                Files.deleteIfExists(warm);
                Header wh = Documents.header(from, to);
                gw.newPackage().header(wh).metadata(Documents.metadata("咸阳市人民政府办公室", "咸政办发", "淳化县人民政府办公室"))
                        .body(body, Documents.BODY_NAME, Documents.BODY_TYPE)
                        .attachment(Path.of(o.text("warm-up-attachment", "")), "附件1 影像资料.bin", "application/octet-stream")
                        .signWith(config.signingIdentity()).writeTo(warm);
                accepted(client.send(warm));
                plain.upload(warm);
                result.put("warmup.message", wh.messageId());

                Files.deleteIfExists(pkg);
                Header h = Documents.header(from, to);
                StepClock clock = new StepClock();
                gw.newPackage().header(h).metadata(Documents.metadata("咸阳市人民政府办公室", "咸政办发", "淳化县人民政府办公室"))
                        .body(body, Documents.BODY_NAME, Documents.BODY_TYPE)
                        .attachment(attachment, "附件1 影像资料.bin", "application/octet-stream")
                        .signWith(config.signingIdentity()).writeTo(pkg);
                clock.step(result, "pack");
                long size = Files.size(pkg);
                long read = plain.upload(pkg);
                clock.step(result, "plain");
                if (read != size) {
                    throw new IllegalStateException("the plain server read " + read + " of " + size + " bytes");
                }
                Receipt r = client.send(pkg);
                clock.step(result, "exchange");
                accepted(r);
                result.put("message", h.messageId()).put("bytes", size);
            }
            System.out.println(result.heap(heap.figures()).put("process.cpu.seconds", StepClock.processCpuSeconds()));
        } catch (Exception e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void accepted(Receipt r) {
        if (r.type() != ReceiptType.ACCEPTED) {
            throw new IllegalStateException("expected an ACCEPTED receipt, got " + r.type());
        }
    }
}
