package org.gongwen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.id.DivisionCode;
import org.gongwen.api.id.DocumentId;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.id.OrgCode;

/**
 * Round trips and error detection of the identifiers in {@code org.gongwen.api.id}. They live
 * here, beside the shared generators, because the api module cannot see the impl test jar.
 */
class IdentifierProperties {
    private static final String NOT_IN_ALPHABET = "IOZSVa-";

    @Property(tries = 500)
    void orgCodeWithItsComputedCheckIsValid(@ForAll("orgCodeBodies") String first17) {
        String code = first17 + OrgCode.checkCharacter(first17);
        assertTrue(OrgCode.isValid(code));
        assertEquals(code, OrgCode.of(code).value());
        assertEquals(OrgCode.of(code), OrgCode.of(OrgCode.of(code).toString()));
    }

    /** The weights are non-zero modulo the prime 31, so every single substitution changes the sum. */
    @Property(tries = 500)
    void everySingleSubstitutionInAnOrgCodeIsDetected(@ForAll("orgCodeBodies") String first17,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll("codeCharacters") char replacement) {
        String code = first17 + OrgCode.checkCharacter(first17);
        Assume.that(code.charAt(position) != replacement);
        String changed = code.substring(0, position) + replacement + code.substring(position + 1);
        assertFalse(OrgCode.isValid(changed), changed);
        assertThrows(IllegalArgumentException.class, () -> OrgCode.of(changed));
    }

    /** Adjacent weights differ (3 is a primitive root modulo 31), so every adjacent transposition is detected. */
    @Property(tries = 300)
    void everyAdjacentTranspositionInAnOrgCodeIsDetected(@ForAll("orgCodeBodies") String first17,
            @ForAll @IntRange(min = 0, max = 16) int position) {
        String code = first17 + OrgCode.checkCharacter(first17);
        Assume.that(code.charAt(position) != code.charAt(position + 1));
        String swapped = code.substring(0, position) + code.charAt(position + 1) + code.charAt(position) + code.substring(position + 2);
        assertFalse(OrgCode.isValid(swapped), swapped);
    }

    @Property(tries = 500)
    void documentNumberFormatsAndParsesBack(@ForAll("agencyCodes") String agency, @ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll("serials") long serial) {
        DocumentNumber n = DocumentNumber.of(agency, year, serial);
        assertEquals(agency, n.agencyCode());
        assertEquals(year, n.year());
        assertEquals(serial, n.serial());
        DocumentNumber back = DocumentNumber.parse(n.toString());
        assertEquals(n, back);
        assertEquals(n.toString(), back.toString());
        assertTrue(n.toString().matches(".+〔[0-9]{4}〕[1-9][0-9]*号"), n.toString());
    }

    @Property(tries = 300)
    void generatedDocumentIdRoundTripsAndDetectsEverySingleSubstitution(@ForAll("orgCodes") OrgCode org,
            @ForAll @IntRange(min = 0, max = 999) int unit, @ForAll @IntRange(min = 1000, max = 9999) int year,
            @ForAll DocumentKind kind, @ForAll @IntRange(min = 0, max = 999_999) int serial,
            @ForAll @IntRange(min = 0, max = 33) int position, @ForAll("digitsAndCapitals") char replacement) {
        DocumentId id = DocumentId.generate("1.2.156.3005.2", org, unit, year, kind.code(), serial);
        assertTrue(id.hasValidCheck(), id.value());
        assertEquals(id, DocumentId.of(id.value()));
        // the checked characters: the organisation code, unit, year, kind, serial and the check itself
        int[] at = checkedPositions(id.value());
        int i = at[position % at.length];
        Assume.that(id.value().charAt(i) != replacement);
        String changed = id.value().substring(0, i) + replacement + id.value().substring(i + 1);
        assertFalse(DocumentId.of(changed).hasValidCheck(), changed);
    }

    @Property(tries = 300)
    void divisionsContainTheirDescendants(@ForAll("counties") String county) {
        DivisionCode c = DivisionCode.of(county);
        DivisionCode city = c.parent().orElseThrow();
        DivisionCode province = city.parent().orElseThrow();
        assertEquals(DivisionCode.Level.PROVINCE, province.level());
        assertTrue(province.contains(c));
        assertTrue(province.contains(city));
        assertTrue(city.contains(c));
        assertTrue(c.contains(c));
        assertFalse(c.contains(city));
        assertEquals(county.substring(0, 2), province.prefix());
    }

    @Provide
    Arbitrary<String> orgCodeBodies() {
        return GongwenArbitraries.orgCodeBodies();
    }

    @Provide
    Arbitrary<OrgCode> orgCodes() {
        return GongwenArbitraries.orgCodes();
    }

    @Provide
    Arbitrary<Character> codeCharacters() {
        return Arbitraries.chars().with((OrgCode.ALPHABET + NOT_IN_ALPHABET).toCharArray());
    }

    @Provide
    Arbitrary<Character> digitsAndCapitals() {
        return Arbitraries.chars().range('0', '9').range('A', 'Z');
    }

    @Provide
    Arbitrary<String> agencyCodes() {
        return GongwenArbitraries.agencyCodes();
    }

    @Provide
    Arbitrary<Long> serials() {
        return Arbitraries.longs().between(1, 999_999_999L);
    }

    @Provide
    Arbitrary<String> counties() {
        return Arbitraries.of("11", "13", "32", "44", "61", "65", "81").flatMap(p -> Arbitraries.strings().numeric().ofLength(4)
                .filter(s -> !s.startsWith("00") && !s.endsWith("00")).map(s -> p + s));
    }

    /** The 34 checked positions (33 body characters and the check), at the end of a generated identifier. */
    private static int[] checkedPositions(String id) {
        int start = id.length() - "116104250162020100-001-2026-10-000007-X".length();
        return IntStream.range(start, id.length()).filter(i -> id.charAt(i) != '-').toArray();
    }
}
