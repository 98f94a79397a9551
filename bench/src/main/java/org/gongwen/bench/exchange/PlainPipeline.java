package org.gongwen.bench.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ReceiveResult;

/**
 * The application doing the minimum without the SDK's stores: each sending thread submits with
 * {@link ExchangeClient#send} (sending again after a pause while the node refuses for now); one
 * recipient thread calls {@link ExchangeClient#receive} in a loop with a handler that inserts one
 * row into the application's own H2 table (its own connection, auto-commit, {@code WRITE_DELAY=0}
 * like the SDK's H2 store). A message counts when that insert has returned.
 */
final class PlainPipeline implements Pipeline {
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final ExchangeClient sender;
    private final ExchangeClient recipient;
    private final SenderLoop.Events events;
    private final Path inbox;
    private final String url;
    private final Connection filing;
    private final Consumer<UUID> handled;
    private final Consumer<Throwable> failed;
    private final AtomicLong retries = new AtomicLong();
    private final Thread thread = new Thread(this::receive, "recipient");
    private volatile boolean stopped;

    PlainPipeline(ExchangeClient sender, ExchangeClient recipient, SenderLoop.Events events, Path dir, Consumer<UUID> handled,
            Consumer<Throwable> failed) throws Exception {
        this.sender = sender;
        this.recipient = recipient;
        this.events = events;
        this.inbox = Files.createDirectories(dir.resolve("received"));
        this.url = "jdbc:h2:file:" + Files.createDirectories(dir.resolve("app")).resolve("filing").toAbsolutePath().toString()
                .replace('\\', '/') + ";WRITE_DELAY=0";
        this.filing = DriverManager.getConnection(url);
        Filing.create(filing);
        this.handled = handled;
        this.failed = failed;
    }

    @Override
    public SenderLoop.Submitter submitter() {
        SenderLoop.Events counting = new SenderLoop.Events() {
            @Override
            public void starting(UUID id) {
                events.starting(id);
            }

            @Override
            public void accepted(UUID id) {
                events.accepted(id);
            }

            @Override
            public void retrying(UUID id, GongwenException refusal) {
                retries.incrementAndGet();
                events.retrying(id, refusal);
            }
        };
        return (id, file) -> SenderLoop.send(sender, counting, id, file);
    }

    @Override
    public long retries() {
        return retries.get();
    }

    @Override
    public void start() {
        thread.start();
    }

    private void receive() {
        try {
            while (!stopped) {
                ReceiveResult r = recipient.receive(inbox, WAIT, m -> {
                    Filing.insert(filing, m.entry().messageId(), m.entry().sender().value());
                    handled.accept(m.entry().messageId());
                });
                if (!r.rejected().isEmpty()) {
                    throw new IllegalStateException("the recipient rejected " + r.rejected().get(0));
                }
                if (!r.handlerFailures().isEmpty()) {
                    throw new IllegalStateException("a message could not be handled or acknowledged", r.handlerFailures().get(0).error());
                }
            }
        } catch (GongwenException | RuntimeException e) {
            failed.accept(e);
        }
    }

    @Override
    public String counters() {
        return "";
    }

    @Override
    public void close() throws Exception {
        stopped = true;
        thread.join();
        filing.close();
    }

    @Override
    public String filingUrl() {
        return url;
    }
}
