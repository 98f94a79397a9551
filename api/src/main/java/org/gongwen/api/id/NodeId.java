package org.gongwen.api.id;

import java.util.Objects;

/**
 * A platform node, named by the GB/T 2260 division code it serves. Its text form, used in
 * certificates (organizationIdentifier, 2.5.4.97) and receipts, is {@code GWNODE-} followed by
 * the six digits, for example {@code GWNODE-610400}; it can never be mistaken for an
 * organisation code. Immutable.
 */
public final class NodeId implements Comparable<NodeId> {
    /** The prefix of the text form. */
    public static final String PREFIX = "GWNODE-";

    private final DivisionCode division;

    private NodeId(DivisionCode division) {
        this.division = division;
    }

    /** The node serving a division. */
    public static NodeId of(DivisionCode division) {
        return new NodeId(Objects.requireNonNull(division, "division"));
    }

    /**
     * Parses the text form {@code GWNODE-dddddd}.
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static NodeId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!isValid(text)) {
            throw new IllegalArgumentException("invalid node id '" + text + "': expected " + PREFIX + " and a six-digit division code");
        }
        return new NodeId(DivisionCode.of(text.substring(PREFIX.length())));
    }

    /** Whether {@code text} is a node id's text form. */
    public static boolean isValid(String text) {
        return text != null && text.startsWith(PREFIX) && DivisionCode.isValid(text.substring(PREFIX.length()));
    }

    /** The division the node serves. */
    public DivisionCode division() {
        return division;
    }

    /** The text form, {@code GWNODE-dddddd}. */
    public String value() {
        return PREFIX + division.value();
    }

    @Override
    public int compareTo(NodeId o) {
        return division.compareTo(o.division);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeId && ((NodeId) o).division.equals(division);
    }

    @Override
    public int hashCode() {
        return division.hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
