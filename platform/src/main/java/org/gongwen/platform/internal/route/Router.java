package org.gongwen.platform.internal.route;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;

/**
 * The route rule of T-6.1 over one node's place in the hierarchy and the directory. Immutable and
 * thread-safe.
 */
public final class Router {
    /** The route to this node's own mailboxes. */
    public static final String LOCAL = "LOCAL";

    private final NodeId self;
    private final NodeId parent;
    private final List<NodeId> children;
    private final Map<OrgCode, DirectoryEntry> directory = new HashMap<>();

    /** A router for a node with an optional parent (null for none). */
    public Router(NodeId self, NodeId parent, List<NodeId> children, List<DirectoryEntry> entries) {
        this.self = self;
        this.parent = parent;
        this.children = List.copyOf(children);
        for (DirectoryEntry e : entries) {
            directory.put(e.organisation(), e);
        }
    }

    /** The directory entry of an organisation. */
    public Optional<DirectoryEntry> lookup(OrgCode org) {
        return Optional.ofNullable(directory.get(org));
    }

    /** Whether the organisation's home node is this node. */
    public boolean isLocal(OrgCode org) {
        DirectoryEntry e = directory.get(org);
        return e != null && e.homeNode().equals(self);
    }

    /**
     * The next hop toward a destination node (T-6.1): {@link #LOCAL}, a child's or the parent's
     * node id, or empty if there is none (no parent, or the parent is where it came from).
     *
     * @param cameFrom the node the message came from, or null
     */
    public Optional<String> nextHop(NodeId destination, NodeId cameFrom) {
        if (destination.equals(self)) {
            return Optional.of(LOCAL);
        }
        for (NodeId c : children) {
            if (destination.division().value().startsWith(c.division().prefix())) {
                return Optional.of(c.value());
            }
        }
        if (parent != null && !parent.equals(cameFrom)) {
            return Optional.of(parent.value());
        }
        return Optional.empty();
    }

    /**
     * Whether a relay from {@code peer} may hand this node a recipient homed at {@code home}
     * (T-6.2): from a child only what lies outside that child's division, from the parent only
     * what lies inside this node's division.
     */
    public boolean routesThrough(NodeId peer, NodeId home) {
        if (peer.equals(parent)) {
            return self.division().contains(home.division());
        }
        return children.contains(peer) && !peer.division().contains(home.division());
    }

    /** Whether the node is a configured neighbour. */
    public boolean isPeer(NodeId node) {
        return node.equals(parent) || children.contains(node);
    }

    /** This node. */
    public NodeId self() {
        return self;
    }
}
