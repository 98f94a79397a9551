package org.gongwen.internal.transport;

import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;

/**
 * What a response that is not the expected answer means (spec/transport.md, T-3.3 and T-3.4): an
 * error document becomes its code; anything else becomes {@code TRN-001} for a 5xx status (the
 * node failed or is unavailable for now) and {@code TRN-002} otherwise. Stateless.
 */
final class Responses {
    private Responses() {
    }

    /** The exception for a response whose status is not one the request expects. */
    static GongwenException refusal(Call call) {
        String retryAfter = retryAfter(call);
        if (call.hasType(Binding.ERROR_TYPE)) {
            try {
                ErrorDocument doc = ErrorDocument.read(call.readAll(Binding.MAX_ERROR_BYTES, "error document"));
                String text = doc.message().startsWith(doc.code().code() + " ") ? doc.message().substring(doc.code().code().length() + 1) : doc.message();
                return new GongwenException(doc.code(), "node " + call.node() + " refused " + call.what() + " (HTTP " + call.status() + "): "
                        + text + retryAfter, retryAfterDuration(call));
            } catch (GongwenException e) {
                if (e.code().family() == org.gongwen.api.ErrorFamily.TRANSPORT) {
                    return e;
                }
                return unexpected(call, "an error document that cannot be read (" + e.getMessage() + ")", retryAfter);
            }
        }
        return unexpected(call, "no error document (Content-Type " + call.header("Content-Type") + ")", retryAfter);
    }

    /** The exception for a success status whose body is not of the expected media type. */
    static GongwenException wrongType(Call call, String expected) {
        return new GongwenException(ErrorCode.TRANSPORT_FATAL, "node " + call.node() + " answered " + call.what() + " with HTTP "
                + call.status() + " and Content-Type " + call.header("Content-Type") + "; expected " + expected);
    }

    private static GongwenException unexpected(Call call, String body, String retryAfter) {
        boolean serverSide = call.status() >= 500 && call.status() <= 599;
        return new GongwenException(serverSide ? ErrorCode.TRANSPORT_RETRYABLE : ErrorCode.TRANSPORT_FATAL, "node " + call.node()
                + " answered " + call.what() + " with HTTP " + call.status() + " and " + body + retryAfter, retryAfterDuration(call));
    }

    /** A {@code Retry-After} in seconds (T-3.4), capped at one day; null if absent or a date. */
    private static java.time.Duration retryAfterDuration(Call call) {
        String v = call.header("Retry-After");
        if (v == null || !v.trim().matches("[0-9]{1,9}")) {
            return null;
        }
        return java.time.Duration.ofSeconds(Math.min(Long.parseLong(v.trim()), 86_400L));
    }

    private static String retryAfter(Call call) {
        String v = call.header("Retry-After");
        if (v == null) {
            return "";
        }
        String shown = v.length() > 40 ? v.substring(0, 40) + "..." : v;
        return shown.trim().matches("[0-9]{1,9}") ? " (the node asks to retry after " + shown.trim() + " s)"
                : " (the node asks to retry after " + shown + ")";
    }
}
