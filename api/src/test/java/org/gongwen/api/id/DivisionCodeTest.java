package org.gongwen.api.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.gongwen.api.id.DivisionCode.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodeTest {
    private static final DivisionCode SHAANXI = DivisionCode.of("610000");
    private static final DivisionCode XIANYANG = DivisionCode.of("610400");
    private static final DivisionCode LIQUAN = DivisionCode.of("610425");

    @Test
    void levelsPrefixesAndParents() {
        assertEquals(Level.PROVINCE, SHAANXI.level());
        assertEquals(Level.CITY, XIANYANG.level());
        assertEquals(Level.COUNTY, LIQUAN.level());
        assertEquals("61", SHAANXI.prefix());
        assertEquals("6104", XIANYANG.prefix());
        assertEquals("610425", LIQUAN.prefix());
        assertEquals(Optional.empty(), SHAANXI.parent());
        assertEquals(Optional.of(SHAANXI), XIANYANG.parent());
        assertEquals(Optional.of(XIANYANG), LIQUAN.parent());
    }

    @Test
    void containmentFollowsTheHierarchy() {
        assertTrue(SHAANXI.contains(XIANYANG));
        assertTrue(SHAANXI.contains(LIQUAN));
        assertTrue(XIANYANG.contains(LIQUAN));
        assertTrue(LIQUAN.contains(LIQUAN));
        assertFalse(LIQUAN.contains(XIANYANG));
        assertFalse(XIANYANG.contains(SHAANXI));
        assertFalse(XIANYANG.contains(DivisionCode.of("610102")));
        assertFalse(LIQUAN.contains(DivisionCode.of("610430")));
        assertFalse(SHAANXI.contains(DivisionCode.of("620100")));
    }

    @Test
    void formerBinCountyIsStillAValidCodeUnderXianyang() {
        DivisionCode binxian = DivisionCode.of("610427");
        assertTrue(DivisionCode.isValid("610427"));
        assertEquals(Level.COUNTY, binxian.level());
        assertEquals(Optional.of(XIANYANG), binxian.parent());
        assertTrue(XIANYANG.contains(binxian));
        assertTrue(SHAANXI.contains(binxian));
        assertTrue(XIANYANG.contains(DivisionCode.of("610482")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "991234", "101010", "700000"})
    void unknownProvinceIsRefused(String value) {
        assertFalse(DivisionCode.isValid(value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DivisionCode.of(value));
        assertTrue(e.getMessage().contains("unknown province " + value.substring(0, 2)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "61040", "6104250", "61042a", "６１０４２５", " 61042"})
    void malformedCodesAreRefused(String value) {
        assertFalse(DivisionCode.isValid(value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DivisionCode.of(value));
        assertTrue(e.getMessage().contains("expected six digits"), e.getMessage());
    }

    @Test
    void nullIsNotValid() {
        assertFalse(DivisionCode.isValid(null));
    }

    @Test
    void orderAndEquality() {
        assertTrue(SHAANXI.compareTo(XIANYANG) < 0);
        assertEquals(DivisionCode.of("610425"), LIQUAN);
        assertEquals("610425", LIQUAN.toString());
    }
}
