package org.gongwen.conformance.packages;

/** What a reader concludes about a package: it verifies, or it is refused with an error code. */
public enum Verdict {
    /** Every check of the reading order passed (P-8.16). */
    VALID,
    /** A check failed; the refusal carries the code of the first rule broken (G-2.4). */
    REFUSED;

    /** The lower-case name used in the index and in reports. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The verdict for its index text.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Verdict of(String text) {
        for (Verdict v : values()) {
            if (v.text().equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("verdict must be \"valid\" or \"refused\": " + text);
    }
}
