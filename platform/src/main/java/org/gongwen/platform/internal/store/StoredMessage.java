package org.gongwen.platform.internal.store;

import java.time.Instant;
import java.util.UUID;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.id.OrgCode;

/**
 * A message a node stored.
 *
 * @param sender the envelope sender
 * @param messageId the envelope message id
 * @param sha256 the SHA-256 of the package bytes, lower-case hex
 * @param size the package size in bytes
 * @param type the envelope message type
 * @param digestAlgorithm the digest of the message's profile
 * @param signatureDigest the digest of the message's signature value (T-7.2)
 * @param expires the envelope expiry, or null
 * @param arrived when this node stored it
 * @param fileName the package file, relative to the package folder
 * @param fromNode the node it was relayed from, or null if its sender submitted it here
 * @param answerReceipt the receipt this node answered with (ACCEPTED or RELAYED)
 * @param conversationId the envelope conversation id, or null for a message stored before the node kept it
 * @param refTo the envelope RefToMessageId, or null
 */
public record StoredMessage(OrgCode sender, UUID messageId, String sha256, long size, MessageType type,
        DigestAlgorithm digestAlgorithm, byte[] signatureDigest, Instant expires, Instant arrived, String fileName,
        String fromNode, UUID answerReceipt, UUID conversationId, UUID refTo) {
    /** This message with another file name and answer receipt. */
    public StoredMessage stored(String file, UUID answer) {
        return new StoredMessage(sender, messageId, sha256, size, type, digestAlgorithm, signatureDigest, expires, arrived, file, fromNode,
                answer, conversationId, refTo);
    }
}
