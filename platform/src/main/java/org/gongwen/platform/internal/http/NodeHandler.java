package org.gongwen.platform.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLSession;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.platform.internal.log.LogText;
import org.gongwen.platform.internal.node.Answer;
import org.gongwen.platform.internal.node.MessageIntake;
import org.gongwen.platform.internal.node.NodeCore;
import org.gongwen.platform.internal.node.Queries;
import org.gongwen.platform.internal.node.ReceiptIntake;
import org.gongwen.platform.internal.node.Refusal;
import org.gongwen.platform.internal.route.HttpLayerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP binding of a node (spec/transport.md) on Jetty's core handler API: it names the
 * caller, checks what the caller may do (T-2.3), and dispatches to the node's intake and queries.
 * Every refusal is an error document (T-3.3). Thread-safe.
 */
public final class NodeHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHandler.class);
    private static final String SESSION_CALLER = "org.gongwen.platform.caller";

    private final NodeCore core;
    private final MessageIntake messages;
    private final ReceiptIntake receipts;
    private final Queries queries;
    private final byte[] directory;
    private final ClientCertificates certificates;
    private final MailboxPoll poll;
    private final HttpLimits limits;
    private final CallerSlots uploads;

    /**
     * A handler.
     *
     * @param certificates the client certificate checker, or null for a plain http node (tests),
     *     whose callers name themselves in {@link HttpLayerNames#PLAIN_CALLER_HEADER}
     */
    public NodeHandler(NodeCore core, MessageIntake messages, ReceiptIntake receipts, Queries queries, byte[] directory,
            ClientCertificates certificates, int maxWaitSeconds, ScheduledExecutorService timers, Executor workers, HttpLimits limits) {
        this.core = core;
        this.messages = messages;
        this.receipts = receipts;
        this.queries = queries;
        this.directory = directory.clone();
        this.certificates = certificates;
        this.poll = new MailboxPoll(queries, core.signals(), maxWaitSeconds, timers, workers, limits.maxParkedPollsPerCaller());
        this.limits = limits;
        this.uploads = new CallerSlots(limits.maxUploadsPerCaller());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            Route route = Route.match(Request.getPathInContext(request));
            if (route == null) {
                throw new Refusal(ErrorCode.TRANSPORT_FATAL, 404, "no resource " + LogText.of(Request.getPathInContext(request)));
            }
            if (!route.kind().method.equals(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, route.kind().method);
                throw new Refusal(ErrorCode.TRANSPORT_FATAL, 405, request.getMethod() + " is not allowed here; use " + route.kind().method);
            }
            Caller caller = authenticate(request);
            dispatch(route, caller, request, response, callback);
        } catch (Refusal r) {
            LOG.debug("{}: {} {} refused: {} {}", core.self(), LogText.of(request.getMethod()), LogText.of(request.getHttpURI().getPath()),
                    r.code().code(), LogText.of(r.getMessage()));
            Responses.error(response, callback, r);
        } catch (RuntimeException e) {
            LOG.error("{}: {} {} failed", core.self(), LogText.of(request.getMethod()), LogText.of(request.getHttpURI().getPath()), e);
            Responses.error(response, callback, new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 500, "the node failed"));
        }
        return true;
    }

    private void dispatch(Route route, Caller caller, Request request, Response response, Callback callback) throws Refusal {
        switch (route.kind()) {
            case SUBMIT:
                mediaType(request, Binding.PACKAGE_TYPE);
                OrgCode sender = organisation(caller);
                takeUpload(caller);
                try {
                    Responses.send(response, callback, messages.submit(sender, body(request), request.getLength()));
                } finally {
                    uploads.release(caller.toString());
                }
                break;
            case STATUS:
                Responses.send(response, callback, 200, Binding.STATUS_TYPE, queries.status(organisation(caller), uuid(route.params().get(0))));
                break;
            case MAILBOX:
                poll.list(organisation(caller), request, response, callback);
                break;
            case FETCH:
                fetch(organisation(caller), route.params(), response, callback);
                break;
            case RECEIPTS:
                mediaType(request, Binding.RECEIPT_TYPE);
                Responses.send(response, callback, receipts.post(organisation(caller), receiptBody(request)));
                break;
            case DIRECTORY:
                Responses.send(response, callback, 200, Binding.DIRECTORY_TYPE, directory);
                break;
            case RELAY_MESSAGES:
                mediaType(request, Binding.PACKAGE_TYPE);
                Caller from = peer(caller);
                takeUpload(caller);
                try {
                    Responses.send(response, callback, messages.relay(from.node(), request.getHeaders().get(Binding.RECIPIENTS_HEADER),
                            body(request), request.getLength()));
                } finally {
                    uploads.release(caller.toString());
                }
                break;
            case RELAY_RECEIPTS:
                mediaType(request, Binding.RECEIPT_TYPE);
                Answer a = receipts.relayed(peer(caller).node(), receiptBody(request));
                Responses.send(response, callback, a);
                break;
            default:
                throw new IllegalStateException(route.kind().name());
        }
    }

    private void fetch(OrgCode caller, List<String> params, Response response, Callback callback) throws Refusal {
        OrgCode sender;
        UUID id;
        try {
            sender = OrgCode.of(params.get(0));
            id = UUID.fromString(params.get(1));
        } catch (IllegalArgumentException e) {
            throw new Refusal(ErrorCode.MESSAGE_UNKNOWN, "no mailbox entry " + params.get(0) + "/" + params.get(1));
        }
        Queries.Download d = queries.download(caller, sender, id);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Binding.PACKAGE_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, d.message().size());
        response.getHeaders().put(Binding.PACKAGE_SHA256_HEADER, d.message().sha256());
        Content.copy(Content.Source.from(d.file()), response, callback);
    }

    private Caller authenticate(Request request) throws Refusal {
        String party;
        try {
            if (certificates == null) {
                party = request.getHeaders().get(HttpLayerNames.PLAIN_CALLER_HEADER);
                if (party == null) {
                    throw new GongwenException(ErrorCode.AUTH_UNAUTHENTICATED, "a plain http node needs the " + HttpLayerNames.PLAIN_CALLER_HEADER + " header");
                }
                if (!OrgCode.isValid(party) && !org.gongwen.api.id.NodeId.isValid(party)) {
                    throw new GongwenException(ErrorCode.AUTH_UNAUTHENTICATED, "'" + party + "' names neither an organisation nor a node");
                }
            } else {
                party = tlsCaller(request);
            }
        } catch (GongwenException e) {
            throw new Refusal(ErrorCode.AUTH_UNAUTHENTICATED, e.getMessage());
        }
        return Caller.of(party);
    }

    private String tlsCaller(Request request) throws GongwenException {
        Object data = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        if (!(data instanceof EndPoint.SslSessionData)) {
            throw new GongwenException(ErrorCode.AUTH_UNAUTHENTICATED, "the request did not come over TLS");
        }
        EndPoint.SslSessionData ssl = (EndPoint.SslSessionData) data;
        SSLSession session = ssl.sslSession();
        Object cached = session == null ? null : session.getValue(SESSION_CALLER);
        if (cached instanceof String) {
            return (String) cached;
        }
        String party = certificates.callerOf(ssl.peerCertificates());
        if (session != null) {
            session.putValue(SESSION_CALLER, party);
        }
        return party;
    }

    /** The caller as an organisation homed at this node (T-2.3). */
    private OrgCode organisation(Caller caller) throws Refusal {
        if (caller.org() == null) {
            throw new Refusal(ErrorCode.AUTH_FORBIDDEN, "node " + caller.node() + " may not make an organisation's request");
        }
        if (!core.router().isLocal(caller.org())) {
            throw new Refusal(ErrorCode.AUTH_FORBIDDEN, caller.org() + " is not served by " + core.self() + " (see the directory)");
        }
        return caller.org();
    }

    /** The caller as a configured neighbour (T-1.3). */
    private Caller peer(Caller caller) throws Refusal {
        if (caller.node() == null || !core.router().isPeer(caller.node())) {
            throw new Refusal(ErrorCode.AUTH_FORBIDDEN, caller + " is not a neighbour of " + core.self());
        }
        return caller;
    }

    private static void mediaType(Request request, String expected) throws Refusal {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String bare = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!bare.equals(expected)) {
            throw new Refusal(ErrorCode.TRANSPORT_FATAL, 415, "this request takes " + expected + ", not " + (type == null ? "no media type" : type));
        }
    }

    /** One more package body for this caller, unless it is sending as many as it may already. */
    private void takeUpload(Caller caller) throws Refusal {
        if (!uploads.tryTake(caller.toString())) {
            throw new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 503, caller + " is already sending " + uploads.max()
                    + " packages to this node; try again after the Retry-After time");
        }
    }

    private InputStream body(Request request) {
        return new BodyRate(Content.Source.asInputStream(request), limits.minBodyBytesPerSecond(), HttpLimits.BODY_RATE_GRACE_SECONDS);
    }

    private byte[] receiptBody(Request request) throws Refusal {
        if (request.getLength() > Receipts.MAX_BYTES) {
            throw new Refusal(ErrorCode.LIMIT_SIZE, "a receipt has at most " + Receipts.MAX_BYTES + " bytes");
        }
        try (InputStream in = body(request)) {
            byte[] b = in.readNBytes(Receipts.MAX_BYTES + 1);
            if (b.length > Receipts.MAX_BYTES) {
                throw new Refusal(ErrorCode.LIMIT_SIZE, "a receipt has at most " + Receipts.MAX_BYTES + " bytes");
            }
            return b;
        } catch (IOException e) {
            throw new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 503, "the body broke off: " + e.getMessage());
        }
    }

    private static UUID uuid(String text) throws Refusal {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(ErrorCode.MESSAGE_UNKNOWN, "no message " + text);
        }
    }
}
