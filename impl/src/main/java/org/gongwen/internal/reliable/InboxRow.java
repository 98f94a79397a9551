package org.gongwen.internal.reliable;

import org.gongwen.api.reliable.InboxState;

/** One row of {@code gongwen_inbox}. */
record InboxRow(String sender, String messageId, String messageType, String sha256, long size, long arrivedMs, String fileName,
        InboxState state, int attempts, long receivedMs, long nextMs, Long handledMs, String lastCode, String lastError) {
}
