package org.gongwen.internal.transport;

import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Receipts;

/**
 * What binds a receipt to a message (spec/transport.md, T-7.2): the message's signature profile
 * and its decoded signature value.
 *
 * @param profile the profile of the message's signature
 * @param value the decoded SignatureValue bytes
 */
record MessageSignature(SignatureProfile profile, byte[] value) {
    /** The digest a receipt carries for this message. */
    byte[] digest() {
        return Receipts.signatureDigest(profile, value);
    }
}
