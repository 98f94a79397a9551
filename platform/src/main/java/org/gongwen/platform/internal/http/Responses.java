package org.gongwen.platform.internal.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.platform.internal.node.Answer;
import org.gongwen.platform.internal.node.Refusal;

/** Writing answers and error documents (T-3.3, T-3.4). Stateless. */
final class Responses {
    /** Seconds a client is told to wait after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;

    private Responses() {
    }

    static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    static void send(Response response, Callback callback, Answer a) {
        if (a.location() != null) {
            response.getHeaders().put(HttpHeader.LOCATION, a.location());
        }
        send(response, callback, a.status(), a.contentType(), a.body());
    }

    static void error(Response response, Callback callback, Refusal r) {
        if (r.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        send(response, callback, r.status(), Binding.ERROR_TYPE, new ErrorDocument(r.code(), r.getMessage()).toXml());
    }
}
