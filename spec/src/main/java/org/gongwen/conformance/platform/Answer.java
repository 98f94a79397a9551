package org.gongwen.conformance.platform;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;

/**
 * What a node answered to one raw request.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header ("" if none)
 * @param location the Location header ("" if none)
 * @param body the body
 */
record Answer(int status, String contentType, String location, byte[] body) {
    /** The error document's code, if the body is a well-formed error document. */
    Optional<ErrorCode> error() {
        if (!contentType.equals(Binding.ERROR_TYPE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ErrorDocument.read(body).code());
        } catch (GongwenException e) {
            return Optional.empty();
        }
    }

    /** For reports: {@code HTTP 422 DIG-001}, {@code HTTP 201 application/vnd.gongwen.receipt+xml}, or the start of another body. */
    String describe() {
        Optional<ErrorCode> code = error();
        if (code.isPresent()) {
            return "HTTP " + status + " " + code.get().code();
        }
        if (contentType.equals(Binding.ERROR_TYPE)) {
            return "HTTP " + status + " with an error document that does not parse";
        }
        if (contentType.startsWith("application/vnd.gongwen.") || body.length == 0) {
            return "HTTP " + status + (contentType.isEmpty() ? "" : " " + contentType) + (body.length == 0 ? " (no body)" : "");
        }
        String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return "HTTP " + status + " " + (contentType.isEmpty() ? "(no Content-Type)" : contentType) + ": " + text;
    }

    /** Whether this is the refusal: this status and an error document with this code. */
    boolean is(int expectedStatus, ErrorCode code) {
        return status == expectedStatus && error().filter(code::equals).isPresent();
    }
}
