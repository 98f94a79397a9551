package org.gongwen.cli;

import org.gongwen.api.ErrorCode;
import org.gongwen.api.ErrorFamily;

/**
 * The exit statuses of {@code gongwen}. Scripts may rely on them; they are documented in
 * {@code docs/cli.md}.
 */
public final class ExitStatus {
    /** Success; for {@code verify}, the package is valid. */
    public static final int OK = 0;
    /** The package (or, for {@code pack}, the document or key) breaks a rule of the standard. */
    public static final int REFUSED = 1;
    /** The command line is wrong: unknown option, missing value, invalid code, date or metadata. */
    public static final int USAGE = 2;
    /** A local file could not be read or written, or a key or certificate file is unusable. */
    public static final int LOCAL = 3;
    /** An unexpected internal error: a bug in the tool. */
    public static final int INTERNAL = 4;
    /** The platform node could not be reached or failed ({@code TRN} family, {@code RTE-002}). */
    public static final int TRANSPORT = 5;

    private ExitStatus() {
    }

    /**
     * The status for an error code: {@code LOC-002} (invalid argument) is a usage error, the
     * rest of the {@code LOC} family is a local problem, every other code a refusal.
     */
    public static int of(ErrorCode code) {
        if (code == ErrorCode.LOCAL_ARGUMENT) {
            return USAGE;
        }
        if (code.family() == ErrorFamily.TRANSPORT || code == ErrorCode.ROUTING_UNREACHABLE) {
            return TRANSPORT;
        }
        return code.family() == ErrorFamily.LOCAL ? LOCAL : REFUSED;
    }
}
