package org.gongwen.internal.wire;

import org.gongwen.api.ErrorCode;

/** Paths, media types, headers and HTTP statuses of the transport binding (spec/transport.md). */
public final class Binding {
    /** The versioned path prefix (T-3.1). */
    public static final String PREFIX = "/gongwen/v1/";
    /** Submit a message (T-4). */
    public static final String MESSAGES = PREFIX + "messages";
    /** The caller's mailbox (T-5). */
    public static final String MAILBOX = PREFIX + "mailbox";
    /** Post a receipt (T-7.5). */
    public static final String RECEIPTS = PREFIX + "receipts";
    /** The directory (T-9). */
    public static final String DIRECTORY = PREFIX + "directory";
    /** Relay a message between nodes (T-6.2). */
    public static final String RELAY_MESSAGES = PREFIX + "relay/messages";
    /** Relay a receipt between nodes (T-6.4). */
    public static final String RELAY_RECEIPTS = PREFIX + "relay/receipts";

    /** A package. */
    public static final String PACKAGE_TYPE = "application/vnd.gongwen.package+zip";
    /** A signed receipt. */
    public static final String RECEIPT_TYPE = "application/vnd.gongwen.receipt+xml";
    /** An error document. */
    public static final String ERROR_TYPE = "application/vnd.gongwen.error+xml";
    /** A mailbox listing. */
    public static final String MAILBOX_TYPE = "application/vnd.gongwen.mailbox+xml";
    /** A message status. */
    public static final String STATUS_TYPE = "application/vnd.gongwen.status+xml";
    /** The directory. */
    public static final String DIRECTORY_TYPE = "application/vnd.gongwen.directory+xml";

    /** The SHA-256 of a downloaded package, lower-case hex (T-5.2). */
    public static final String PACKAGE_SHA256_HEADER = "Gongwen-Package-SHA256";
    /** The recipients a relay hands over (T-6.2). */
    public static final String RECIPIENTS_HEADER = "Gongwen-Recipients";

    /** Largest listing, status and directory documents (T-10). */
    public static final int MAX_ERROR_BYTES = 64 * 1024;
    /** Largest mailbox listing. */
    public static final int MAX_MAILBOX_BYTES = 1024 * 1024;
    /** Largest status document. */
    public static final int MAX_STATUS_BYTES = 16 * 1024 * 1024;
    /** Largest directory document. */
    public static final int MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
    /** Most entries in one mailbox listing. */
    public static final int MAX_MAILBOX_ENTRIES = 100;
    /** Longest long-poll wait, in seconds. */
    public static final int MAX_WAIT_SECONDS = 60;

    private Binding() {
    }

    /** The path of a mailbox entry. */
    public static String mailboxEntry(String sender, String messageId) {
        return MAILBOX + "/" + sender + "/" + messageId;
    }

    /** The path of a message's status. */
    public static String status(String messageId) {
        return MESSAGES + "/" + messageId + "/status";
    }

    /** The HTTP status for a refusal with this code (T-3.4). */
    public static int httpStatus(ErrorCode code) {
        switch (code) {
            case AUTH_UNAUTHENTICATED: return 401;
            case AUTH_FORBIDDEN: return 403;
            case MESSAGE_UNKNOWN: return 404;
            case MESSAGE_ID_CONFLICT:
            case STATE_CONFLICT: return 409;
            case LIMIT_SIZE: return 413;
            case ROUTING_UNREACHABLE:
            case TRUST_REVOCATION_UNAVAILABLE:
            case LIMIT_TIME:
            case TRANSPORT_RETRYABLE: return 503;
            case TRANSPORT_FATAL: return 400;
            case LOCAL_IO: return 500;
            default: return 422;
        }
    }
}
