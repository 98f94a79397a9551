package org.gongwen.platform.internal.store;

import java.util.ArrayList;
import java.util.List;
import org.gongwen.api.id.OrgCode;

/** Organisation code lists as comma-separated text (the Gongwen-Recipients form). */
public final class Codes {
    private Codes() {
    }

    /** The codes, comma-separated. */
    public static String join(List<OrgCode> codes) {
        StringBuilder b = new StringBuilder();
        for (OrgCode c : codes) {
            b.append(b.length() == 0 ? "" : ",").append(c.value());
        }
        return b.toString();
    }

    /**
     * Parses comma-separated codes (blanks around commas allowed).
     *
     * @throws IllegalArgumentException for an invalid code
     */
    public static List<OrgCode> split(String text) {
        List<OrgCode> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String s : text.split(",", -1)) {
            out.add(OrgCode.of(s.trim()));
        }
        return out;
    }
}
