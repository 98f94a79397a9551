package org.gongwen.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.ErrorFamily;
import org.junit.jupiter.api.Test;

/** Keeps spec/errors.md and the API's {@link ErrorCode} and {@link ErrorFamily} in step. */
class ErrorTableTest {
    private static final List<String> CODE_HEADER = List.of("Code", "Constant", "Family", "Retryable", "Meaning (where raised)");
    private static final List<String> FAMILY_HEADER = List.of("Prefix", "Family", "What it covers");

    @Test
    void codeTableListsEveryErrorCodeInEnumOrder() {
        List<List<String>> rows = SpecDocs.table("errors.md", CODE_HEADER);
        List<String> documented = new ArrayList<>();
        for (List<String> r : rows) {
            assertEquals(CODE_HEADER.size(), r.size(), "row " + r + " has the wrong number of cells");
            documented.add(SpecDocs.unquote(r.get(0)));
        }
        List<String> expected = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();
        assertEquals(expected, documented, "errors.md must list exactly the ErrorCode values, in enum order");
    }

    @Test
    void everyRowMatchesItsErrorCode() {
        List<String> problems = new ArrayList<>();
        for (List<String> r : SpecDocs.table("errors.md", CODE_HEADER)) {
            String code = SpecDocs.unquote(r.get(0));
            ErrorCode c = ErrorCode.fromCode(code).orElse(null);
            if (c == null) {
                problems.add(code + ": no such ErrorCode");
                continue;
            }
            if (!c.name().equals(SpecDocs.unquote(r.get(1)))) {
                problems.add(code + ": constant is " + c.name() + ", errors.md says " + r.get(1));
            }
            if (!c.family().name().equals(SpecDocs.unquote(r.get(2)))) {
                problems.add(code + ": family is " + c.family().name() + ", errors.md says " + r.get(2));
            }
            String retry = r.get(3);
            if (!retry.equals("yes") && !retry.equals("no")) {
                problems.add(code + ": retryable must be 'yes' or 'no', found '" + retry + "'");
            } else if (c.retryable() != retry.equals("yes")) {
                problems.add(code + ": retryable is " + c.retryable() + ", errors.md says " + retry);
            }
            if (r.get(4).isBlank()) {
                problems.add(code + ": no meaning given");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void familyTableListsEveryFamilyWithItsPrefix() {
        List<List<String>> rows = SpecDocs.table("errors.md", FAMILY_HEADER);
        List<String> documented = new ArrayList<>();
        for (List<String> r : rows) {
            documented.add(SpecDocs.unquote(r.get(0)) + " " + SpecDocs.unquote(r.get(1)));
            assertFalse(r.get(2).isBlank(), "family " + r.get(1) + " has no description");
        }
        List<String> expected = Arrays.stream(ErrorFamily.values()).map(f -> f.prefix() + " " + f.name()).toList();
        assertEquals(expected, documented, "errors.md must list exactly the ErrorFamily values, in enum order");
    }
}
