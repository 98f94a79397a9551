package org.gongwen.internal.transport;

import java.util.UUID;

/**
 * Observes package bytes as they go up ({@code send}) or come down ({@code fetch}), for a
 * progress display. Called on the transferring thread after every buffer; it must return quickly
 * and must not throw.
 */
@FunctionalInterface
public interface TransferListener {
    /** A listener that does nothing. */
    TransferListener NONE = (direction, messageId, bytes, total) -> { };

    /** Which way the bytes go. */
    enum Direction {
        /** A package being submitted. */
        UPLOAD,
        /** A package being fetched from the mailbox. */
        DOWNLOAD
    }

    /**
     * Reports progress.
     *
     * @param bytes the bytes transferred so far
     * @param total the bytes expected in all, or -1 if not known
     */
    void transferred(Direction direction, UUID messageId, long bytes, long total);
}
