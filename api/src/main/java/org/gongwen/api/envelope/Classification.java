package org.gongwen.api.envelope;

import java.util.Objects;
import java.util.Optional;

/** 密级和保密期限: a security level and an optional period (保密期限), for example 机密★10年. */
public final class Classification {
    private final SecurityLevel level;
    private final String period;

    private Classification(SecurityLevel level, String period) {
        this.level = Objects.requireNonNull(level, "level");
        this.period = Checks.optionalText("period", period, 50);
    }

    /** A classification with a level and an optional period text such as {@code 10年}. */
    public static Classification of(SecurityLevel level, String period) {
        return new Classification(level, period);
    }

    /** The 密级. */
    public SecurityLevel level() {
        return level;
    }

    /** The 保密期限, if given. */
    public Optional<String> period() {
        return Optional.ofNullable(period);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Classification && ((Classification) o).level == level
                && Objects.equals(((Classification) o).period, period);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, period);
    }

    @Override
    public String toString() {
        return level.label() + (period == null ? "" : "★" + period);
    }
}
