package org.gongwen.platform.internal.http;

import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;

/**
 * The authenticated party behind a request (T-2.2): an organisation or a node, exactly one.
 *
 * @param org the organisation, or null
 * @param node the node, or null
 */
record Caller(OrgCode org, NodeId node) {
    static Caller of(String party) {
        return NodeId.isValid(party) ? new Caller(null, NodeId.parse(party)) : new Caller(OrgCode.of(party), null);
    }

    @Override
    public String toString() {
        return org != null ? org.value() : node.value();
    }
}
