package org.gongwen.platform.internal.store;

import org.gongwen.api.id.OrgCode;

/**
 * Where a node sends a message for one recipient.
 *
 * @param recipient the recipient
 * @param primary 主送 rather than 抄送
 * @param route {@link #LOCAL}, {@link #REFUSED}, or the node id of the next hop
 */
public record RecipientRoute(OrgCode recipient, boolean primary, String route) {
    /** The recipient's mailbox is on this node. */
    public static final String LOCAL = "LOCAL";
    /** The node refused the message for this recipient (a REJECTED receipt). */
    public static final String REFUSED = "REFUSED";
}
