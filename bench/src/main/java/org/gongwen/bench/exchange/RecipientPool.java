package org.gongwen.bench.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceivedMessage;

/**
 * A recipient that keeps up with several senders: one thread long-polls the mailbox and hands each
 * new entry to one of {@code workers} threads, which fetch it (download, verify) and acknowledge it
 * (sign and post DELIVERED), all through one shared client. An entry stays listed until its
 * DELIVERED receipt is posted, so the lister remembers what it handed out; when a listing holds
 * nothing new it waits for a worker to finish rather than asking again at once.
 */
final class RecipientPool implements AutoCloseable {
    private static final Duration POLL = Duration.ofSeconds(1);

    private final ExchangeClient client;
    private final Path inbox;
    private final Consumer<ReceivedMessage> delivered;
    private final Consumer<Throwable> failed;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Set<UUID> claimed = ConcurrentHashMap.newKeySet();
    private final Object progress = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private final int workers;
    private long finished;
    private volatile boolean closed;

    /**
     * A pool, not yet started.
     *
     * @param delivered called on a worker thread once a message's DELIVERED receipt was posted
     * @param failed called with the first failure of any thread (the pool keeps going)
     */
    RecipientPool(ExchangeClient client, int workers, Path inbox, Consumer<ReceivedMessage> delivered, Consumer<Throwable> failed) {
        this.client = client;
        this.workers = workers;
        this.inbox = inbox;
        this.delivered = delivered;
        this.failed = failed;
    }

    /** Starts the lister and the workers. */
    void start() {
        threads.add(new Thread(this::list, "recipient-lister"));
        for (int i = 0; i < workers; i++) {
            threads.add(new Thread(this::work, "recipient-" + i));
        }
        threads.forEach(Thread::start);
    }

    private void list() {
        while (!closed) {
            try {
                long before;
                synchronized (progress) {
                    before = finished;
                }
                List<MailboxEntry> entries = client.mailbox(POLL);
                int fresh = 0;
                for (MailboxEntry e : entries) {
                    if (claimed.add(e.messageId())) {
                        queue.add(e);
                        fresh++;
                    }
                }
                if (fresh == 0 && !entries.isEmpty()) {
                    synchronized (progress) {
                        if (finished == before && !closed) {
                            progress.wait(POLL.toMillis());
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failed.accept(e);
                return;
            }
        }
    }

    private void work() {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (!(item instanceof MailboxEntry)) {
                return;
            }
            MailboxEntry e = (MailboxEntry) item;
            try {
                Path file = inbox.resolve(e.sender().value() + "-" + e.messageId() + ".gwpkg");
                ReceivedMessage m = client.fetch(e, file);
                client.acknowledge(m);
                Files.deleteIfExists(file);
                delivered.accept(m);
            } catch (Exception ex) {
                failed.accept(ex);
            }
            synchronized (progress) {
                finished++;
                progress.notifyAll();
            }
        }
    }

    /** Stops the lister (after its current long-poll) and the workers (after their current message). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        synchronized (progress) {
            progress.notifyAll();
        }
        for (int i = 0; i < workers; i++) {
            queue.add(new Object());
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
