package org.gongwen.platform.internal.http;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.MailboxDocument;
import org.gongwen.platform.internal.log.LogText;
import org.gongwen.platform.internal.node.MailboxSignals;
import org.gongwen.platform.internal.node.Queries;
import org.gongwen.platform.internal.node.Refusal;

/**
 * {@code GET /gongwen/v1/mailbox?wait=S} (T-5.1). An empty mailbox parks the request without a
 * thread: it is answered when an arrival is signalled or when its time is up, whichever comes
 * first. One caller may have a few requests parked at a time; one more is refused with {@code
 * TRN-001} (HTTP 503, Retry-After) rather than answered at once, so that a caller that polls in a
 * loop backs off instead of spinning (T-5.1). Thread-safe.
 */
final class MailboxPoll {
    private final Queries queries;
    private final MailboxSignals signals;
    private final int maxWaitSeconds;
    private final ScheduledExecutorService timers;
    private final Executor workers;
    private final CallerSlots parked;

    MailboxPoll(Queries queries, MailboxSignals signals, int maxWaitSeconds, ScheduledExecutorService timers, Executor workers,
            int maxParkedPerCaller) {
        this.queries = queries;
        this.parked = new CallerSlots(maxParkedPerCaller);
        this.signals = signals;
        this.maxWaitSeconds = maxWaitSeconds;
        this.timers = timers;
        this.workers = workers;
    }

    void list(OrgCode caller, Request request, Response response, Callback callback) throws Refusal {
        int wait = waitSeconds(Request.extractQueryParameters(request).getValue("wait"));
        List<MailboxEntry> entries = queries.mailbox(caller);
        if (!entries.isEmpty() || wait == 0) {
            answer(entries, response, callback);
            return;
        }
        if (!parked.tryTake(caller.value())) {
            throw new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 503, caller + " already has " + parked.max()
                    + " mailbox requests waiting at this node; try again after the Retry-After time");
        }
        Parked p = new Parked(caller, response, callback);
        signals.await(caller, p.hook);
        p.timeout = timers.schedule(p::fire, wait, TimeUnit.SECONDS);
        if (!queries.mailbox(caller).isEmpty()) {
            p.fire();
        }
    }

    private int waitSeconds(String text) throws Refusal {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int w;
        try {
            w = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Refusal(ErrorCode.TRANSPORT_FATAL, 400, "wait must be a number of seconds, not '" + LogText.of(text) + "'");
        }
        if (w < 0) {
            throw new Refusal(ErrorCode.TRANSPORT_FATAL, 400, "wait must not be negative");
        }
        return Math.min(w, Math.min(maxWaitSeconds, Binding.MAX_WAIT_SECONDS));
    }

    private static void answer(List<MailboxEntry> entries, Response response, Callback callback) {
        byte[] body;
        try {
            body = MailboxDocument.write(entries);
        } catch (GongwenException e) {
            Responses.error(response, callback, Refusal.of(e));
            return;
        }
        Responses.send(response, callback, 200, Binding.MAILBOX_TYPE, body);
    }

    /** A parked request, answered exactly once. */
    private final class Parked {
        private final OrgCode caller;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean done = new AtomicBoolean();
        final Runnable hook = this::fire;
        volatile ScheduledFuture<?> timeout;

        Parked(OrgCode caller, Response response, Callback callback) {
            this.caller = caller;
            this.response = response;
            this.callback = callback;
        }

        void fire() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            parked.release(caller.value());
            signals.cancel(caller, hook);
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            try {
                workers.execute(this::respond);
            } catch (RejectedExecutionException e) {
                respond();
            }
        }

        private void respond() {
            try {
                answer(queries.mailbox(caller), response, callback);
            } catch (Refusal r) {
                Responses.error(response, callback, r);
            }
        }
    }
}
