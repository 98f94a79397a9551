package org.gongwen.api.envelope;

/**
 * 密级 (GB/T 9704-2012 7.2.2). Gongwen exchanges only non-classified documents: an envelope
 * that carries any of these levels is refused with {@code POL-001} before sending and on
 * receipt. The levels exist in the model so that such a document can be named and refused
 * with its own code instead of a schema error.
 */
public enum SecurityLevel {
    /** 秘密. */
    SECRET("秘密"),
    /** 机密. */
    CONFIDENTIAL("机密"),
    /** 绝密. */
    TOP_SECRET("绝密");

    private final String label;

    SecurityLevel(String label) {
        this.label = label;
    }

    /** The Chinese label. */
    public String label() {
        return label;
    }

    /** Finds a level by its name or Chinese label. */
    public static SecurityLevel fromLabelOrName(String text) {
        for (SecurityLevel l : values()) {
            if (l.name().equals(text) || l.label.equals(text)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown 密级 '" + text + "': expected 秘密, 机密 or 绝密");
    }
}
