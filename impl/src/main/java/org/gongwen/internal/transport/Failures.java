package org.gongwen.internal.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * Turns failures of the connection into codes (spec/transport.md, T-3.5): what a retry can mend
 * (the node cannot be reached, the connection broke, no answer in time) is {@code TRN-001};
 * what it cannot (the TLS handshake fails, the node speaks no HTTP) is {@code TRN-002}. The text
 * names the node and the request that was tried. Stateless.
 */
final class Failures {
    private Failures() {
    }

    /**
     * The exception for an I/O failure of a request.
     *
     * @param node the node's base URI, as configured
     * @param what the request, for example {@code "POST /gongwen/v1/messages (message 6f0c…)"}
     */
    static GongwenException of(IOException e, String node, String what) {
        if (e instanceof PackageEntity.LocalReadFailure) {
            return new GongwenException(ErrorCode.LOCAL_IO, what + ": " + e.getMessage(), e);
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException) && !(e instanceof ConnectTimeoutException)) {
            Thread.currentThread().interrupt();
            return new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, what + " to node " + node + " was interrupted", e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "cannot connect to node " + node + " for " + what
                    + ": no connection within the connect timeout (" + e.getMessage() + ")", e);
        }
        if (e instanceof ConnectException) {
            return new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "cannot connect to node " + node + " for " + what
                    + ": the connection was refused (" + e.getMessage() + ")", e);
        }
        if (e instanceof UnknownHostException) {
            return new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "cannot connect to node " + node + " for " + what
                    + ": the host name cannot be resolved (" + e.getMessage() + ")", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "node " + node + " did not answer " + what
                    + " within the response timeout (" + e.getMessage() + ")", e);
        }
        NodeServerTrust.NotTheNode notANode = causeOf(e, NodeServerTrust.NotTheNode.class);
        if (notANode != null) {
            return new GongwenException(ErrorCode.TRANSPORT_FATAL, "refused to talk to " + node + " for " + what + ": "
                    + notANode.getMessage() + " (check the node URI in the client configuration)", e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException || e instanceof SSLException && !brokenSocket((SSLException) e)) {
            return new GongwenException(ErrorCode.TRANSPORT_FATAL, "the TLS connection to node " + node + " for " + what
                    + " failed: " + e.getMessage() + " (check that the node's certificate chains to the configured TLS trust anchors and"
                    + " names the host, and that the node trusts this organisation's TLS certificate)", e);
        }
        if (e instanceof ClientProtocolException) {
            return new GongwenException(ErrorCode.TRANSPORT_FATAL, "node " + node + " answered " + what + " with something that is not HTTP: "
                    + e.getMessage(), e);
        }
        return new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "the connection to node " + node + " failed during " + what + ": "
                + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    /** The first cause of the given type in the chain, or null. */
    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Whether an SSL exception only reports a connection that broke (a reset), which a retry can mend. */
    private static boolean brokenSocket(SSLException e) {
        Throwable c = e.getCause();
        return c instanceof IOException && !(c instanceof SSLException);
    }

    /** The same code with more context in front of the detail. */
    static GongwenException withContext(GongwenException e, String context) {
        String m = e.getMessage();
        String prefix = e.code().code() + " ";
        String detail = m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : String.valueOf(m);
        return new GongwenException(e.code(), context + ": " + detail, e);
    }
}
