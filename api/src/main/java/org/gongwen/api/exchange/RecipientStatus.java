package org.gongwen.api.exchange;

import java.util.List;
import java.util.Objects;
import org.gongwen.api.id.OrgCode;

/** One recipient's state and the verified receipts that led to it, oldest first. Immutable. */
public final class RecipientStatus {
    private final OrgCode recipient;
    private final boolean primary;
    private final DeliveryState state;
    private final List<Receipt> timeline;

    /** Creates a status. */
    public RecipientStatus(OrgCode recipient, boolean primary, DeliveryState state, List<Receipt> timeline) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.primary = primary;
        this.state = Objects.requireNonNull(state, "state");
        this.timeline = List.copyOf(timeline);
    }

    /** The recipient. */
    public OrgCode recipient() { return recipient; }

    /** Whether it is a primary recipient (主送) rather than a copy recipient (抄送). */
    public boolean primary() { return primary; }

    /** The current state. */
    public DeliveryState state() { return state; }

    /** The receipts concerning this recipient, including hop records on its route, oldest first. */
    public List<Receipt> timeline() { return timeline; }

    @Override
    public String toString() {
        return recipient + (primary ? " (主送) " : " (抄送) ") + state + ", " + timeline.size() + " receipts";
    }
}
