package org.gongwen.conformance.platform;

import java.util.UUID;
import java.util.function.Predicate;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;

/**
 * Checks a refused submission: the status and code of T-3.4, and that nothing was stored or
 * delivered (T-4.4): the recipient cannot fetch the message and the envelope's sender has no status
 * for it, both {@code MSG-003} (HTTP 404).
 */
final class Refusal {
    private Refusal() {
    }

    /** The expected text of a refusal with this status and code. */
    static String expected(int status, String code) {
        return "HTTP " + status + " " + code + "; nothing stored or delivered: the recipient's fetch and the sender's status "
                + "answer HTTP 404 MSG-003";
    }

    /**
     * Checks the answer to a submission and what the node kept.
     *
     * @param answer the node's answer to the submission
     * @param codeOk whether the error code is the one expected
     * @param envelopeSender the tester named as sender in the envelope
     * @param id the message id
     * @param recipient a tester named as recipient
     * @return what was observed, when it all holds
     * @throws Mismatch what was observed, when something differs
     */
    static String check(Session s, Answer answer, int status, Predicate<ErrorCode> codeOk, Tester envelopeSender, UUID id, Tester recipient)
            throws GongwenException, Mismatch {
        StringBuilder observed = new StringBuilder(answer.describe());
        boolean ok = answer.status() == status && answer.error().filter(codeOk).isPresent();
        Answer fetch = s.raw(recipient).fetch(envelopeSender.organisation(), id);
        Answer status404 = s.raw(envelopeSender).status(id);
        boolean fetchOk = fetch.is(404, ErrorCode.MESSAGE_UNKNOWN);
        boolean statusOk = status404.is(404, ErrorCode.MESSAGE_UNKNOWN);
        observed.append("; the recipient's fetch: ").append(fetch.describe()).append("; the sender's status: ").append(status404.describe());
        if (!ok || !fetchOk || !statusOk) {
            throw new Mismatch(observed.toString());
        }
        return observed.toString();
    }

    /** {@link #check} for one exact code. */
    static String check(Session s, Answer answer, int status, ErrorCode code, Tester envelopeSender, UUID id, Tester recipient)
            throws GongwenException, Mismatch {
        return check(s, answer, status, code::equals, envelopeSender, id, recipient);
    }

    /** A code for an organisation that the platform's directory does not list. */
    static OrgCode unknownOrganisation(Session s) throws GongwenException {
        java.util.Set<OrgCode> listed = new java.util.HashSet<>();
        s.client(s.sender()).directory().forEach(e -> listed.add(e.organisation()));
        String division = s.sender().organisation().divisionDigits();
        java.util.Random r = new java.util.Random();
        while (true) {
            String first17 = "11" + division + "MB" + String.format(java.util.Locale.ROOT, "%07d", r.nextInt(10_000_000));
            OrgCode c = OrgCode.of(first17 + OrgCode.checkCharacter(first17));
            if (!listed.contains(c)) {
                return c;
            }
        }
    }
}
