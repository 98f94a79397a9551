package org.gongwen.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GongwenLoadTest {
    @Test
    void withoutAnImplementationLoadFailsLoudlyInsteadOfFallingBackToANoOp() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Gongwen::load);
        assertTrue(e.getMessage().contains("gongwen-impl"), e.getMessage());
    }

    @Test
    void everyErrorCodeIsUniqueAndBelongsToTheFamilyItsPrefixNames() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(seen.add(c.code()), "duplicate " + c.code());
            assertTrue(c.code().matches("[A-Z]{3}-[0-9]{3}"), c.code());
            assertEquals(c.family().prefix(), c.code().substring(0, 3));
            assertEquals(c, ErrorCode.fromCode(c.code()).orElseThrow());
        }
        assertTrue(ErrorCode.fromCode("NOPE-1").isEmpty());
    }

    @Test
    void exceptionMessagesStartWithTheCode() {
        GongwenException e = new GongwenException(ErrorCode.SIGNATURE_VALUE, "does not verify");
        assertEquals("SIG-003 does not verify", e.getMessage());
        assertEquals(false, e.retryable());
        assertEquals(true, new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "x").retryable());
    }
}
