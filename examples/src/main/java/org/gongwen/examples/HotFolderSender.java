package org.gongwen.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.PackageBuilder;
import org.gongwen.internal.trust.TrustValidator;

/**
 * A sample integration: a hot folder from which a department's staff send documents.
 *
 * <p>Each document is a folder under {@code HOT/outgoing/}: the 正文 (PDF or OFD), its attachments,
 * a {@code metadata.properties} file (UTF-8) and, written last, an empty {@code READY} file. For
 * every ready folder the sender packs and signs the document, sends it to the home node, and
 * moves the folder to {@code HOT/done/} with the package and the node's signed receipt, or to
 * {@code HOT/failed/} with {@code error.txt} when the node refuses it. When the node cannot be
 * reached (a retryable code) the folder stays where it is, with its package, and the next round
 * sends the same bytes again under the same message id.
 *
 * <pre>
 * java ... HotFolderSender --client client.properties --folder HOT [--once]
 * </pre>
 *
 * <p>{@code metadata.properties} keys: {@code to} and {@code cc} (comma-separated 统一社会信用代码),
 * {@code kind} (文种, e.g. 通知 or NOTICE), {@code title}, {@code number} (发文字号), {@code issuer-mark},
 * {@code authority} (发文机关署名), {@code date} (成文日期, 2026-11-20), {@code body} (the 正文's
 * file name); optional {@code urgency} (特急, 加急), {@code signatory}, {@code principal-recipients},
 * {@code copy-to}, {@code attachment-note}, {@code attachments} (file names in order; default: every
 * other file, sorted by name, except the files named here).
 */
public final class HotFolderSender {
    static final String METADATA = "metadata.properties";
    static final String READY = "READY";
    static final String PACKAGE = "document.gwpkg";
    static final String RECEIPT = "accepted-receipt.xml";
    static final String ERROR = "error.txt";

    private final Gongwen gongwen;
    private final ExchangeConfig config;
    private final OrgCode me;
    private final Path outgoing;
    private final Path done;
    private final Path failed;
    private final PrintStream log;

    /** A sender for one hot folder; {@link #runOnce(ExchangeClient)} processes what is ready. */
    public HotFolderSender(Gongwen gongwen, ExchangeConfig config, Path folder, PrintStream log) throws GongwenException, IOException {
        this.gongwen = gongwen;
        this.config = config;
        this.me = TrustValidator.organisationOf(config.signingIdentity().certificate());
        this.outgoing = Files.createDirectories(folder.resolve("outgoing"));
        this.done = Files.createDirectories(folder.resolve("done"));
        this.failed = Files.createDirectories(folder.resolve("failed"));
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Path client = null;
        Path folder = null;
        boolean once = false;
        for (int i = 0; i < args.length; i++) {
            if ("--client".equals(args[i]) && i + 1 < args.length) {
                client = Path.of(args[++i]);
            } else if ("--folder".equals(args[i]) && i + 1 < args.length) {
                folder = Path.of(args[++i]);
            } else if ("--once".equals(args[i])) {
                once = true;
            } else {
                client = null;
                break;
            }
        }
        if (client == null || folder == null) {
            System.err.println("usage: HotFolderSender --client client.properties --folder DIR [--once]");
            System.exit(2);
        }
        Gongwen gongwen = Gongwen.load();
        ExchangeConfig config = gongwen.exchangeConfig(client);
        HotFolderSender sender = new HotFolderSender(gongwen, config, folder, System.out);
        try (ExchangeClient c = gongwen.exchangeClient(config)) {
            do {
                Result r = sender.runOnce(c);
                System.out.println("sent " + r.sent() + ", failed " + r.failed() + ", waiting " + r.waiting());
                if (!once) {
                    sender.awaitChange(Duration.ofSeconds(30));
                }
            } while (!once);
        }
    }

    /** What one round did. */
    public record Result(int sent, int failed, int waiting) {
    }

    /** Processes every ready document folder once. */
    public Result runOnce(ExchangeClient client) throws IOException {
        int sent = 0;
        int failedCount = 0;
        int waiting = 0;
        for (Path job : readyJobs()) {
            Receipt r;
            try {
                Path pkg = job.resolve(PACKAGE);
                if (!Files.exists(pkg)) {
                    pack(job, pkg);
                }
                r = client.send(pkg);
            } catch (GongwenException e) {
                if (e.code().retryable()) {
                    log.println("will retry " + job.getFileName() + ": " + e.getMessage());
                    waiting++;
                } else {
                    Files.writeString(job.resolve(ERROR), e.getMessage() + System.lineSeparator(), StandardCharsets.UTF_8);
                    Files.deleteIfExists(job.resolve(PACKAGE));
                    Path target = move(job, failed);
                    log.println("failed " + job.getFileName() + ": " + e.getMessage() + " -> " + target);
                    failedCount++;
                }
                continue;
            }
            try {
                Files.write(job.resolve(RECEIPT), r.xml());
                Path target = move(job, done);
                log.println("sent " + job.getFileName() + " as message " + r.messageId() + " -> " + target);
                sent++;
            } catch (IOException e) {
                // accepted, but not filed: the next round sends the same package again and gets the same receipt
                log.println("sent " + job.getFileName() + " as message " + r.messageId() + " but cannot file it (will retry): " + e);
                waiting++;
            }
        }
        return new Result(sent, failedCount, waiting);
    }

    /** Waits until something changes in the outgoing folder, or the time is up. */
    void awaitChange(Duration max) throws IOException, InterruptedException {
        try (java.nio.file.WatchService ws = outgoing.getFileSystem().newWatchService()) {
            outgoing.register(ws, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE, java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
            ws.poll(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private List<Path> readyJobs() throws IOException {
        try (Stream<Path> s = Files.list(outgoing)) {
            return s.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve(READY))).sorted().toList();
        }
    }

    /** Packs and signs a job's document; a file that cannot be read is {@code LOC-001}, bad metadata {@code LOC-002}. */
    private void pack(Path job, Path pkg) throws GongwenException {
        try {
            pack(job, pkg, readMetadata(job));
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read the files of " + job.getFileName() + ": " + e, e);
        }
    }

    private static Properties readMetadata(Path job) throws GongwenException, IOException {
        Properties m = new Properties();
        Path file = job.resolve(METADATA);
        if (!Files.exists(file)) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no " + METADATA + " in " + job.getFileName());
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            m.load(r);
        }
        return m;
    }

    private void pack(Path job, Path pkg, Properties m) throws GongwenException, IOException {
        try {
            Header.Builder h = Header.builder().sender(me);
            for (String to : list(m, "to")) {
                h.to(OrgCode.of(to));
            }
            for (String cc : list(m, "cc")) {
                h.cc(OrgCode.of(cc));
            }
            DocumentMetadata.Builder d = DocumentMetadata.builder()
                    .kind(DocumentKind.fromText(required(m, "kind")))
                    .title(required(m, "title"))
                    .documentNumber(DocumentNumber.parse(required(m, "number")))
                    .issuerMark(required(m, "issuer-mark"))
                    .issuingAuthority(required(m, "authority"))
                    .dateOfWriting(LocalDate.parse(required(m, "date")));
            if (m.getProperty("urgency") != null) {
                Urgency u = Urgency.fromLabelOrName(m.getProperty("urgency").trim());
                h.urgency(u);
                d.urgency(u);
            }
            optional(m, "signatory", d::signatory);
            optional(m, "principal-recipients", d::principalRecipients);
            optional(m, "copy-to", d::copyTo);
            optional(m, "attachment-note", d::attachmentNote);
            String body = required(m, "body");
            PackageBuilder b = gongwen.newPackage().header(h.build()).metadata(d.build()).body(job.resolve(body));
            for (String a : attachments(job, m, body)) {
                b.attachment(job.resolve(a));
            }
            b.signWith(config.signingIdentity()).writeTo(pkg);
        } catch (IllegalArgumentException | IllegalStateException | java.time.DateTimeException e) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "metadata of " + job.getFileName() + ": " + e.getMessage());
        }
    }

    private static List<String> attachments(Path job, Properties m, String body) throws IOException {
        if (m.getProperty("attachments") != null) {
            return list(m, "attachments");
        }
        try (Stream<Path> s = Files.list(job)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(body) && !n.equals(METADATA) && !n.equals(READY) && !n.equals(PACKAGE)
                            && !n.equals(RECEIPT) && !n.equals(ERROR) && !n.startsWith("."))
                    .sorted().toList();
        }
    }

    private static Path move(Path job, Path to) throws IOException {
        Path target = to.resolve(job.getFileName());
        for (int i = 2; Files.exists(target); i++) {
            target = to.resolve(job.getFileName() + "-" + i);
        }
        return Files.move(job, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String required(Properties m, String key) {
        String v = m.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return v.trim();
    }

    private static void optional(Properties m, String key, java.util.function.Consumer<String> to) {
        String v = m.getProperty(key);
        if (v != null && !v.isBlank()) {
            to.accept(v.trim());
        }
    }

    private static List<String> list(Properties m, String key) {
        List<String> out = new ArrayList<>();
        for (String s : m.getProperty(key, "").split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
