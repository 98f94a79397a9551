package org.gongwen.platform.internal.node;

import org.gongwen.api.ErrorCode;
import org.gongwen.api.ErrorFamily;
import org.gongwen.api.GongwenException;
import org.gongwen.internal.wire.Binding;

/**
 * A request the node refuses: the error code and HTTP status of T-3.4 and a message for people.
 * The HTTP layer answers it with an error document.
 */
public final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int status;

    /** A refusal with the status T-3.4 gives the code. */
    public Refusal(ErrorCode code, String message) {
        this(code, Binding.httpStatus(code), message);
    }

    /** A refusal with an explicit status (for TRN-002: 400, 404, 405, 415). */
    public Refusal(ErrorCode code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    /**
     * The refusal for a failed check. A local failure of the node itself (a {@code LOC} code: its
     * disk, its database) is the node's failure: {@code TRN-001}, HTTP 500.
     */
    public static Refusal of(GongwenException e) {
        if (e.code().family() == ErrorFamily.LOCAL) {
            return new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 500, "the node failed: " + e.getMessage());
        }
        return new Refusal(e.code(), e.getMessage());
    }

    /** The error code. */
    public ErrorCode code() {
        return code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
