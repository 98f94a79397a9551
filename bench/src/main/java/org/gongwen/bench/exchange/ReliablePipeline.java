package org.gongwen.bench.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.reliable.ExchangeListener;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.InboxHandler;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;

/**
 * The same application with the SDK's outbox and inbox: each sending thread writes its package
 * into the sender's {@link ReliableExchange} ({@code send} returns once the package and its row
 * are stored) and the exchange's background senders, as many as there are sending threads, hand
 * it to the node. The recipient's exchange stores each message in its inbox before acknowledging
 * it and calls a handler that inserts the same row as the plain run, through the inbox's
 * transaction. A message counts when the listener hears that this transaction committed. Every
 * other setting is the SDK's default (status read at once after acceptance, then every minute).
 */
final class ReliablePipeline implements Pipeline {
    private final ReliableExchange sender;
    private final ReliableExchange recipient;
    private final Path recipientStore;
    private final String recipientUrl;
    private volatile boolean tableReady;

    /**
     * Opens both exchanges.
     *
     * @param senderUrl JDBC URL of the sender's store, null for the default H2 file
     * @param recipientUrl the same for the recipient
     */
    ReliablePipeline(Gongwen gongwen, ExchangeClient senderClient, ExchangeClient recipientClient, int senders, Path dir,
            String senderUrl, String recipientUrl, Consumer<UUID> handled) throws Exception {
        this.recipientStore = dir.resolve("recipient-store");
        this.recipientUrl = recipientUrl;
        InboxHandler handler = m -> {
            Connection c = m.transaction();
            if (!tableReady) {
                Filing.create(c);
            }
            Filing.insert(c, m.message().entry().messageId(), m.message().entry().sender().value());
        };
        ExchangeListener listener = new ExchangeListener() {
            @Override
            public void handled(InboxEntry entry) {
                tableReady = true;
                handled.accept(entry.messageId());
            }
        };
        this.sender = gongwen.reliableExchange(senderClient, store(dir.resolve("sender-store"), senderUrl).senders(senders).build());
        ReliableExchange r;
        try {
            r = gongwen.reliableExchange(recipientClient, store(recipientStore, recipientUrl).handler(handler).listener(listener).build());
        } catch (GongwenException | RuntimeException e) {
            sender.close();
            throw e;
        }
        this.recipient = r;
    }

    private static ReliableConfig.Builder store(Path dir, String url) {
        ReliableConfig.Builder b = ReliableConfig.builder(dir);
        return url == null ? b : b.database(url, null, null);
    }

    @Override
    public SenderLoop.Submitter submitter() {
        return (id, file) -> sender.send(file);
    }

    @Override
    public void start() throws GongwenException {
        recipient.start();
        sender.start();
    }

    @Override
    public long retries() {
        return sender.counters().retries();
    }

    @Override
    public String counters() {
        ReliableExchange.Counters s = sender.counters();
        ReliableExchange.Counters r = recipient.counters();
        return String.format(Locale.ROOT, "sender: %d attempts, %d retries, %d accepted, %d given up; recipient: %d received,"
                + " %d duplicates suppressed, %d handled, %d handler failures, %d parked", s.attempts(), s.retries(), s.accepted(),
                s.gaveUp(), r.received(), r.duplicatesSuppressed(), r.handled(), r.handlerFailures(), r.parked());
    }

    @Override
    public void close() {
        try {
            sender.close();
        } finally {
            recipient.close();
        }
    }

    /** The recipient's PostgreSQL URL, or the embedded H2 file the default store made in its folder. */
    @Override
    public String filingUrl() throws IOException {
        if (recipientUrl != null) {
            return recipientUrl;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(recipientStore)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".mv.db")).toList();
        }
        if (files.size() != 1) {
            throw new IOException("expected one H2 database file in " + recipientStore + ", found " + files);
        }
        String f = files.get(0).toAbsolutePath().toString().replace('\\', '/');
        return "jdbc:h2:file:" + f.substring(0, f.length() - ".mv.db".length());
    }
}
