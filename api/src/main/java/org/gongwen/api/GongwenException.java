package org.gongwen.api;

import java.util.Objects;

/**
 * The one exception of the Gongwen SDK. It carries a stable {@link ErrorCode}; the message is
 * for people and starts with the code. Messages never contain key material or passwords.
 */
public class GongwenException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates an exception with the given code and human-readable detail. */
    public GongwenException(ErrorCode code, String detail) {
        super(Objects.requireNonNull(code, "code").code() + " " + detail);
        this.code = code;
    }

    /** Creates an exception with the given code, detail and cause. */
    public GongwenException(ErrorCode code, String detail, Throwable cause) {
        super(Objects.requireNonNull(code, "code").code() + " " + detail, cause);
        this.code = code;
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** Whether repeating the same operation unchanged can succeed. */
    public boolean retryable() {
        return code.retryable();
    }
}
