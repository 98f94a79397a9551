package org.gongwen.api.exchange;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;

/**
 * One organisation in the platform's directory (spec/transport.md, T-9): its name, its home
 * node, its published signing certificates and the signature profiles it accepts. Directory
 * data helps address and display; it never makes a signature trusted. Immutable.
 */
public final class DirectoryEntry {
    private final OrgCode organisation;
    private final String name;
    private final NodeId homeNode;
    private final Set<SignatureProfile> accepts;
    private final List<X509Certificate> certificates;

    /** Creates an entry. */
    public DirectoryEntry(OrgCode organisation, String name, NodeId homeNode, Set<SignatureProfile> accepts, List<X509Certificate> certificates) {
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.name = Objects.requireNonNull(name, "name");
        this.homeNode = Objects.requireNonNull(homeNode, "homeNode");
        this.accepts = Set.copyOf(accepts);
        this.certificates = List.copyOf(certificates);
    }

    /** The organisation code. */
    public OrgCode organisation() { return organisation; }

    /** The organisation's name. */
    public String name() { return name; }

    /** The node whose mailbox serves it. */
    public NodeId homeNode() { return homeNode; }

    /** The signature profiles it accepts on packages sent to it. */
    public Set<SignatureProfile> accepts() { return accepts; }

    /** Its published signing certificates (may be empty). */
    public List<X509Certificate> certificates() { return certificates; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DirectoryEntry)) {
            return false;
        }
        DirectoryEntry e = (DirectoryEntry) o;
        return organisation.equals(e.organisation) && name.equals(e.name) && homeNode.equals(e.homeNode)
                && accepts.equals(e.accepts) && certificates.equals(e.certificates);
    }

    @Override
    public int hashCode() {
        return organisation.hashCode();
    }

    @Override
    public String toString() {
        return "DirectoryEntry{" + organisation + " " + name + " @ " + homeNode + "}";
    }
}
