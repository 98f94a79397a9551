package org.gongwen.conformance.packages;

import java.util.Map;
import org.gongwen.spec.attacks.Recipes;

/**
 * The clause of the standard a recipe's vector tests. The attack recipes name their rule in
 * words; a vector names it by clause identifier: the step of the reading order (P-8, with the
 * signature checks of S-10 and S-11 and the XML rules of E-1 and E-12) that answers the
 * recipe's expected code, unless the recipe's own words point at a more precise clause.
 */
final class Clauses {
    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("VALID", "P-8.16"),
            Map.entry("XML-001", "E-1.7"), Map.entry("XML-002", "E-1.1"),
            Map.entry("XFB-001", "E-1.2"), Map.entry("XFB-002", "E-1.3"), Map.entry("XFB-003", "E-1.4"),
            Map.entry("LIM-001", "P-8.9"), Map.entry("LIM-002", "E-1.5"), Map.entry("LIM-003", "E-1.6"),
            Map.entry("SCH-001", "E-12.2"), Map.entry("SCH-002", "E-12.1"), Map.entry("SCH-003", "E-12.3"),
            Map.entry("PKG-001", "P-8.1"), Map.entry("PKG-002", "P-8.3"), Map.entry("PKG-003", "P-8.10"),
            Map.entry("PKG-004", "P-8.14"), Map.entry("PKG-005", "P-8.11"), Map.entry("PKG-006", "P-8.11"),
            Map.entry("PKG-007", "P-8.11"), Map.entry("PKG-008", "P-8.12"), Map.entry("PKG-009", "P-8.2"),
            Map.entry("PKG-010", "P-8.15"),
            Map.entry("DIG-001", "P-8.13"), Map.entry("DIG-002", "S-10.21"),
            Map.entry("SIG-001", "S-10.2"), Map.entry("SIG-002", "S-8.2"), Map.entry("SIG-003", "S-10.22"), Map.entry("SIG-004", "S-8.3"),
            Map.entry("ALG-001", "S-10.8"), Map.entry("ALG-002", "S-10.20"),
            Map.entry("TRU-001", "S-11.6"), Map.entry("TRU-002", "S-11.4"), Map.entry("TRU-003", "S-11.8"),
            Map.entry("TRU-004", "S-11.5"), Map.entry("TRU-005", "S-11.9"),
            Map.entry("POL-001", "P-8.8"));

    private Clauses() {
    }

    /** The clause identifier for a recipe. */
    static String of(Recipes.Recipe r) {
        String words = r.clause();
        String code = r.expect();
        if ("VALID".equals(code) && r.id().contains("alias")) {
            return "S-3.2";
        }
        if ("PKG-010".equals(code)) {
            if (words.contains("CRC")) {
                return words.contains("envelope") ? "P-8.5" : "P-8.13";
            }
            if (words.contains("local header")) {
                return "P-8.2";
            }
        }
        if ("PKG-005".equals(code) && words.contains("manifest")) {
            return "E-12.3";
        }
        if ("ALG-001".equals(code) && words.contains("DigestMethod")) {
            return "S-10.13";
        }
        if ("SIG-002".equals(code) && words.contains("Transform")) {
            return "S-10.11";
        }
        if ("SCH-003".equals(code) && words.contains("Expires")) {
            return "E-3.4";
        }
        if ("TRU-005".equals(code) && words.contains("sender")) {
            return "S-10.25";
        }
        String c = BY_CODE.get(code);
        if (c == null) {
            throw new IllegalArgumentException("no clause for the code " + code + " of recipe " + r.id());
        }
        return c;
    }
}
