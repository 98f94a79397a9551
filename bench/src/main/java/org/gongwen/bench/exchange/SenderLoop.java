package org.gongwen.bench.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.sign.SigningIdentity;

/**
 * One sending thread: while the case runs, it takes a place in the window of messages in flight,
 * packs and signs a new message with the 正文 into a package file, submits it with the shared client
 * (which verifies the node's ACCEPTED receipt) and deletes the file. A place is given back when the
 * message's DELIVERED receipt has been posted. A refusal that a retry can mend (the node takes only
 * a few uploads of one organisation at a time and answers the next with TRN-001, 503) is retried
 * with the same bytes after a short pause that doubles, as an application's outbox would. Another
 * {@link Submitter} (for example a persistent outbox) can take the place of the client.
 */
final class SenderLoop implements Runnable {
    /** What a sender reports. */
    interface Events {
        /** A message is about to be packed (its clock starts). */
        void starting(UUID messageId);

        /** The submitter took the message (with the plain client: the node accepted it). */
        void accepted(UUID messageId);

        /** The node refused the message for now; it will be sent again. */
        void retrying(UUID messageId, GongwenException refusal);
    }

    /** What the loop does with each signed package file; the loop deletes the file afterwards. */
    @FunctionalInterface
    interface Submitter {
        /** Hands the package on; returns once the loop may delete the file. */
        void submit(UUID messageId, Path file) throws GongwenException, InterruptedException;
    }

    private static final int MAX_ATTEMPTS = 50;
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 500;

    private final Gongwen gongwen;
    private final Submitter submitter;
    private final SigningIdentity identity;
    private final Route route;
    private final DocumentMetadata metadata;
    private final Path body;
    private final Path outbox;
    private final Semaphore window;
    private final Events events;
    private final Consumer<Throwable> failed;
    private volatile boolean stopped;

    SenderLoop(Gongwen gongwen, ExchangeClient client, SigningIdentity identity, Route route, Path body, Path outbox, Semaphore window,
            Events events, Consumer<Throwable> failed) {
        this(gongwen, (id, file) -> send(client, events, id, file), identity, route, body, outbox, window, events, failed);
    }

    /** A loop that hands each package to {@code submitter} instead of a client. */
    SenderLoop(Gongwen gongwen, Submitter submitter, SigningIdentity identity, Route route, Path body, Path outbox, Semaphore window,
            Events events, Consumer<Throwable> failed) {
        this.gongwen = gongwen;
        this.submitter = submitter;
        this.identity = identity;
        this.route = route;
        this.metadata = Documents.metadata(route.senderName, route.senderMark, route.recipientName);
        this.body = body;
        this.outbox = outbox;
        this.window = window;
        this.events = events;
        this.failed = failed;
    }

    /** Asks the loop to end after the message it is sending. */
    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                if (!window.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                if (stopped) {
                    window.release();
                    return;
                }
                Header h = Documents.header(route.sender, route.recipient);
                Path file = outbox.resolve(h.messageId() + ".gwpkg");
                events.starting(h.messageId());
                gongwen.newPackage().header(h).metadata(metadata).body(body, Documents.BODY_NAME, Documents.BODY_TYPE)
                        .signWith(identity).writeTo(file);
                submitter.submit(h.messageId(), file);
                Files.delete(file);
                events.accepted(h.messageId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failed.accept(e);
        }
    }

    /** Submits with the client, sending the same bytes again after a short pause while the node refuses them for now. */
    static void send(ExchangeClient client, Events events, UUID id, Path file) throws GongwenException, InterruptedException {
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 1;; attempt++) {
            try {
                client.send(file);
                return;
            } catch (GongwenException e) {
                if (!e.code().retryable() || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                events.retrying(id, e);
                Thread.sleep(pause);
                pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
            }
        }
    }
}
