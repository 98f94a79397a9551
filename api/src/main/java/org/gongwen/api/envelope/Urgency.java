package org.gongwen.api.envelope;

/**
 * 紧急程度 (GB/T 9704-2012 7.2.3). Routing urgency uses all three; a document's own
 * 紧急程度 is 特急 or 加急 (平急 is written only on telegrams, and absence means ordinary).
 */
public enum Urgency {
    /** 特急. */
    EXTRA_URGENT("特急"),
    /** 加急. */
    URGENT("加急"),
    /** 平急. */
    ROUTINE("平急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    /** The Chinese label, for example 特急. */
    public String label() {
        return label;
    }

    /** Finds a value by its name or its Chinese label. */
    public static Urgency fromLabelOrName(String text) {
        for (Urgency u : values()) {
            if (u.name().equals(text) || u.label.equals(text)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown urgency '" + text + "': expected 特急, 加急 or 平急");
    }
}
