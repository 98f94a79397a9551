package org.gongwen.internal.reliable;

import org.gongwen.api.reliable.OutboxState;

/** One row of {@code gongwen_outbox}. */
record OutboxRow(String messageId, String sender, String sha256, long size, String fileName, OutboxState state, int attempts,
        long queuedMs, long nextMs, long giveUpMs, Long expiresMs, String lastCode, String lastError, String acceptedBase64,
        Long statusNextMs, Long trackUntilMs, String recipientList) {
}
