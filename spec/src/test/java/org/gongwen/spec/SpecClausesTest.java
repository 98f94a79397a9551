package org.gongwen.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.ErrorFamily;
import org.junit.jupiter.api.Test;

/**
 * Keeps the clause identifiers of the standard citable: each is defined once, in the document its
 * letter names, and every clause, section and error code the text cites exists.
 */
class SpecClausesTest {
    /** A clause definition: a line starting with the bold identifier, for example "**P-8.3**". */
    private static final Pattern DEFINITION = Pattern.compile("^\\*\\*([GPEISLTRC])-(\\d+)\\.(\\d+)[ *]");
    /** A citation of a clause (P-8.3) or a section (P-8). */
    private static final Pattern CITATION = Pattern.compile("(?<![\\w-])([GPEISLTRC])-(\\d+)(?:\\.(\\d+))?(?![\\w-])");
    private static final Pattern SECTION_HEADING = Pattern.compile("^## (\\d+)\\. ");
    /** "P-256" is the elliptic curve, not section 256 of package.md. */
    private static final Set<String> NOT_CITATIONS = Set.of("P-256");

    private static Map<String, String> fileByLetter() {
        return SpecDocs.CLAUSE_LETTERS.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    private static Set<String> definedClauses() {
        Set<String> all = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> doc : SpecDocs.CLAUSE_LETTERS.entrySet()) {
            for (String line : SpecDocs.lines(doc.getKey())) {
                Matcher m = DEFINITION.matcher(line);
                if (m.find()) {
                    String id = m.group(1) + "-" + m.group(2) + "." + m.group(3);
                    if (!m.group(1).equals(doc.getValue())) {
                        problems.add(doc.getKey() + " defines " + id + ", but its clauses start with " + doc.getValue());
                    }
                    if (!all.add(id)) {
                        problems.add(id + " is defined twice");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        return all;
    }

    private static Map<String, Set<String>> sectionsByLetter() {
        Map<String, Set<String>> out = new HashMap<>();
        for (Map.Entry<String, String> doc : SpecDocs.CLAUSE_LETTERS.entrySet()) {
            Set<String> sections = new HashSet<>();
            for (String line : SpecDocs.lines(doc.getKey())) {
                Matcher m = SECTION_HEADING.matcher(line);
                if (m.find()) {
                    sections.add(m.group(1));
                }
            }
            out.put(doc.getValue(), sections);
        }
        return out;
    }

    @Test
    void everyDocumentDefinesClausesWithItsOwnLetterOnce() {
        Set<String> defined = definedClauses();
        for (Map.Entry<String, String> doc : SpecDocs.CLAUSE_LETTERS.entrySet()) {
            assertTrue(defined.stream().anyMatch(id -> id.startsWith(doc.getValue() + "-")), doc.getKey() + " defines no clause");
        }
    }

    @Test
    void everyCitedClauseAndSectionExists() {
        Set<String> defined = definedClauses();
        Map<String, Set<String>> sections = sectionsByLetter();
        Map<String, String> files = fileByLetter();
        List<String> problems = new ArrayList<>();
        int citations = 0;
        for (String doc : SpecDocs.ALL) {
            List<String> lines = SpecDocs.lines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CITATION.matcher(lines.get(i));
                while (m.find()) {
                    if (NOT_CITATIONS.contains(m.group())) {
                        continue;
                    }
                    citations++;
                    String letter = m.group(1);
                    if (m.group(3) != null) {
                        if (!defined.contains(m.group())) {
                            problems.add(doc + ":" + (i + 1) + " cites " + m.group() + ", which is not defined");
                        }
                    } else if (!sections.get(letter).contains(m.group(2))) {
                        problems.add(doc + ":" + (i + 1) + " cites section " + m.group() + ", but " + files.get(letter)
                                + " has no section " + m.group(2));
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(citations > 100, "only " + citations + " citations found; is the pattern still right?");
    }

    @Test
    void everyCitedErrorCodeExists() {
        String prefixes = java.util.Arrays.stream(ErrorFamily.values()).map(ErrorFamily::prefix).collect(Collectors.joining("|"));
        Pattern code = Pattern.compile("(?<![\\w-])(?:" + prefixes + ")-\\d{3}(?![\\w-])");
        List<String> problems = new ArrayList<>();
        Set<String> cited = new HashSet<>();
        for (String doc : SpecDocs.ALL) {
            List<String> lines = SpecDocs.lines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = code.matcher(lines.get(i));
                while (m.find()) {
                    cited.add(m.group());
                    if (ErrorCode.fromCode(m.group()).isEmpty()) {
                        problems.add(doc + ":" + (i + 1) + " cites " + m.group() + ", which is not an ErrorCode");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertFalse(cited.isEmpty(), "no error code cited at all");
    }
}
