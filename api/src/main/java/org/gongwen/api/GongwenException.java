package org.gongwen.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception of the Gongwen SDK. It carries a stable {@link ErrorCode}; the message is
 * for people and starts with the code. Messages never contain key material or passwords.
 */
public class GongwenException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Duration retryAfter;

    /** Creates an exception with the given code and human-readable detail. */
    public GongwenException(ErrorCode code, String detail) {
        super(Objects.requireNonNull(code, "code").code() + " " + detail);
        this.code = code;
        this.retryAfter = null;
    }

    /** Creates an exception with the given code, detail and cause. */
    public GongwenException(ErrorCode code, String detail, Throwable cause) {
        super(Objects.requireNonNull(code, "code").code() + " " + detail, cause);
        this.code = code;
        this.retryAfter = null;
    }

    /**
     * Creates an exception for a refusal whose sender asked to wait before retrying (an HTTP
     * {@code Retry-After}); {@code retryAfter} may be null.
     */
    public GongwenException(ErrorCode code, String detail, Duration retryAfter) {
        super(Objects.requireNonNull(code, "code").code() + " " + detail);
        this.code = code;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** How long the other side asked to wait before a retry, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether repeating the same operation unchanged can succeed. */
    public boolean retryable() {
        return code.retryable();
    }
}
