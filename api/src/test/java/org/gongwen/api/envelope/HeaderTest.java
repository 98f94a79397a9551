package org.gongwen.api.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.id.OrgCode;
import org.junit.jupiter.api.Test;

class HeaderTest {
    private static final OrgCode LIQUAN = OrgCode.of("116104250162020100");
    private static final OrgCode XIANYANG = OrgCode.of("11610400016001016Y");
    private static final OrgCode CHUNHUA = OrgCode.of("11610430016303014D");
    private static final OrgCode BINZHOU = OrgCode.of("11610482016404018X");
    private static final Instant T = Instant.parse("2026-11-26T08:00:00.123456Z");

    private static Header.Builder valid() {
        return Header.builder().sender(LIQUAN).to(XIANYANG).created(T);
    }

    @Test
    void defaults() {
        Header h = valid().build();
        assertEquals(h.messageId(), h.conversationId());
        assertEquals(MessageType.DOCUMENT, h.messageType());
        assertEquals(Optional.empty(), h.urgency());
        assertEquals(Optional.empty(), h.expires());
        assertEquals(Optional.empty(), h.refToMessageId());
        assertEquals(Instant.parse("2026-11-26T08:00:00.123Z"), h.created(), "creation time is kept to the millisecond");
        assertTrue(Header.builder().sender(LIQUAN).to(XIANYANG).build().created().getNano() % 1_000_000 == 0);
    }

    @Test
    void recipientsKeepTheirOrderPrimaryFirst() {
        Header h = valid().to(BINZHOU).cc(CHUNHUA).urgency(Urgency.ROUTINE).build();
        assertEquals(List.of(XIANYANG, BINZHOU), h.to());
        assertEquals(List.of(CHUNHUA), h.cc());
        assertEquals(List.of(XIANYANG, BINZHOU, CHUNHUA), h.recipients());
        assertEquals(Optional.of(Urgency.ROUTINE), h.urgency(), "平急 is a valid routing urgency");
    }

    @Test
    void toBuilderGivesAnEqualHeader() {
        Header h = valid().cc(CHUNHUA).refToMessageId(UUID.randomUUID()).expires(T.plusSeconds(60))
                .messageType(MessageType.REPLY).urgency(Urgency.EXTRA_URGENT).build();
        assertEquals(h, h.toBuilder().build());
        assertEquals(h.hashCode(), h.toBuilder().build().hashCode());
    }

    @Test
    void senderIsRequired() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Header.builder().to(XIANYANG).build());
        assertTrue(e.getMessage().contains("sender"), e.getMessage());
    }

    @Test
    void aPrimaryRecipientIsRequired() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Header.builder().sender(LIQUAN).cc(XIANYANG).build());
        assertTrue(e.getMessage().contains("主送"), e.getMessage());
    }

    @Test
    void duplicatePrimaryRecipientIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> valid().to(XIANYANG).build());
        assertTrue(e.getMessage().contains("named twice"), e.getMessage());
    }

    @Test
    void recipientInBothToAndCcIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> valid().cc(XIANYANG).build());
        assertTrue(e.getMessage().contains(XIANYANG + " is named twice"), e.getMessage());
    }

    @Test
    void duplicateCopyRecipientIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> valid().cc(CHUNHUA, CHUNHUA).build());
        assertTrue(e.getMessage().contains(CHUNHUA + " is named twice"), e.getMessage());
    }

    @Test
    void tooManyRecipientsAreRefused() {
        Header.Builder b = valid();
        for (int i = 0; i < Header.MAX_RECIPIENTS; i++) {
            String first17 = String.format("11610425%09d", i);
            b.cc(OrgCode.of(first17 + OrgCode.checkCharacter(first17)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("more than " + Header.MAX_RECIPIENTS), e.getMessage());
    }

    @Test
    void expiryMustFollowCreation() {
        assertThrows(IllegalArgumentException.class, () -> valid().expires(T).build());
        assertThrows(IllegalArgumentException.class, () -> valid().expires(T.minusSeconds(1)).build());
        assertEquals(Optional.of(Instant.parse("2026-11-26T08:00:00.124Z")), valid().expires(T.plusMillis(1)).build().expires());
    }

    @Test
    void nullArgumentsAreRefusedAtOnce() {
        assertThrows(NullPointerException.class, () -> Header.builder().sender(null));
        assertThrows(NullPointerException.class, () -> Header.builder().to((OrgCode) null));
        assertThrows(NullPointerException.class, () -> Header.builder().messageType(null));
    }
}
