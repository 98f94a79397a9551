package org.gongwen.platform.internal.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.gongwen.api.ErrorCode;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;

/**
 * Answers what the HTTP server refuses on its own, before the node sees a request (a header block
 * over the limit, a malformed request line), with an error document rather than an HTML page
 * (T-3.3): {@code TRN-001} for a 5xx status, {@code TRN-002} for anything else. Thread-safe.
 */
public final class ErrorDocuments extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        byte[] body = document(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Binding.ERROR_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Responses.RETRY_AFTER_SECONDS);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Binding.ERROR_TYPE);
        return ByteBuffer.wrap(document(status));
    }

    private static byte[] document(int status) {
        ErrorCode code = status >= 500 ? ErrorCode.TRANSPORT_RETRYABLE : ErrorCode.TRANSPORT_FATAL;
        String reason = HttpStatus.getMessage(status);
        return new ErrorDocument(code, "the request was refused before the node read it: HTTP " + status + " " + reason).toXml();
    }
}
