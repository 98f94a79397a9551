package org.gongwen.conformance.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.ErrorFamily;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.keys.DevPki;

/** Submissions a node must refuse, each with its code, leaving nothing stored or delivered (T-3.4, T-4.2 to T-4.4, T-2.3). */
final class RefusalScenarios {
    private RefusalScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("tampered-part", "a package with a changed part", "T-4.2, P-8.13",
                        Refusal.expected(422, "DIG-001"), RefusalScenarios::tampered),
                new Scenario("unsigned", "a package without a signature", "T-4.2, S-10.2",
                        Refusal.expected(422, "SIG-001"), RefusalScenarios::unsigned),
                new Scenario("untrusted-signer", "a package signed under an unknown authority", "T-4.2, S-11.6",
                        Refusal.expected(422, "TRU-001"), RefusalScenarios::untrusted),
                new Scenario("wrongly-bound-signer", "a package signed with another organisation's certificate", "T-4.2, S-11.9",
                        Refusal.expected(422, "TRU-005"), RefusalScenarios::wronglyBound),
                new Scenario("expired", "a package whose Expires has passed", "T-4.3",
                        Refusal.expected(422, "POL-002"), RefusalScenarios::expired),
                new Scenario("classified", "a package with a 密级 (classified document)", "T-4.2, E-7, P-8.8",
                        Refusal.expected(422, "POL-001"), RefusalScenarios::classified),
                new Scenario("oversized", "a package larger than the node's limit", "T-10, T-3.4",
                        Refusal.expected(413, "LIM-001"), RefusalScenarios::oversized),
                new Scenario("malformed", "a package that ends early", "T-4.2, P-8.1",
                        Refusal.expected(422, "PKG-xxx (a code of the PACKAGE family)"), RefusalScenarios::malformed),
                new Scenario("unknown-recipient", "a recipient that is not in the directory", "T-4.3",
                        Refusal.expected(422, "RTE-001"), RefusalScenarios::unknownRecipient),
                new Scenario("sender-impersonation", "a valid package in another organisation's name", "T-2.3",
                        Refusal.expected(403, "AUT-002"), RefusalScenarios::impersonation));
    }

    private static byte[] valid(Session s, Header h) throws Exception {
        return s.packages.bytes(h, s.sender().config().signingIdentity());
    }

    private static String refuse(Session s, byte[] body, Header h, int status, ErrorCode code) throws Exception {
        return Refusal.check(s, s.raw(s.sender()).submit(body), status, code, s.sender(), h.messageId(), s.recipient());
    }

    private static String tampered(Session s) throws Exception {
        Header h = Session.header(s.sender(), s.recipient());
        return refuse(s, SamplePackages.tamperPart(valid(s, h)), h, 422, ErrorCode.DIGEST_PART);
    }

    private static String unsigned(Session s) throws Exception {
        Header h = Session.header(s.sender(), s.recipient());
        return refuse(s, SamplePackages.unsigned(valid(s, h)), h, 422, ErrorCode.SIGNATURE_MISSING);
    }

    private static String untrusted(Session s) throws Exception {
        Header h = Session.header(s.sender(), s.recipient());
        SigningIdentity own = s.sender().config().signingIdentity();
        SigningIdentity stranger = DevPki.newAuthority(own.profile(), "Gongwen conformance: an authority no node trusts")
                .issue(s.sender().organisation(), "conformance tester").identity();
        return refuse(s, s.packages.bytes(h, stranger), h, 422, ErrorCode.TRUST_PATH);
    }

    private static String wronglyBound(Session s) throws Exception {
        Header h = Session.header(s.sender(), s.recipient());
        byte[] pkg = SamplePackages.resign(valid(s, h), s.recipient().config().signingIdentity(), doc -> { });
        return refuse(s, pkg, h, 422, ErrorCode.TRUST_SENDER_BINDING);
    }

    private static String expired(Session s) throws Exception {
        Instant now = Instant.now();
        Header h = Session.header(s.sender(), s.recipient()).toBuilder().created(now.minusSeconds(7200)).expires(now.minusSeconds(3600)).build();
        return refuse(s, valid(s, h), h, 422, ErrorCode.MESSAGE_EXPIRED);
    }

    private static String classified(Session s) throws Exception {
        Header h = Session.header(s.sender(), s.recipient());
        byte[] pkg = SamplePackages.resign(valid(s, h), s.sender().config().signingIdentity(), SamplePackages::classify);
        return refuse(s, pkg, h, 422, ErrorCode.CLASSIFIED_DOCUMENT);
    }

    private static String oversized(Session s) throws Exception {
        if (s.profile.maxPackageBytes().isEmpty()) {
            throw new Skip("the tester profile does not state the node's package limit (maxPackageBytes, --max-package-bytes)");
        }
        long limit = s.profile.maxPackageBytes().getAsLong();
        Header h = Session.header(s.sender(), s.recipient());
        Path pkg = s.packages.write(h, s.sender().config().signingIdentity(), limit + 1);
        try {
            return Refusal.check(s, s.raw(s.sender()).submit(pkg), 413, ErrorCode.LIMIT_SIZE::equals, s.sender(), h.messageId(), s.recipient())
                    + " (" + Files.size(pkg) + " bytes sent, limit " + limit + ")";
        } finally {
            Files.deleteIfExists(pkg);
        }
    }

    private static String malformed(Session s) throws Exception {
        Header h = Session.header(s.sender(), s.recipient());
        byte[] good = valid(s, h);
        byte[] cut = Arrays.copyOf(good, good.length - 10);
        return Refusal.check(s, s.raw(s.sender()).submit(cut), 422, c -> c.family() == ErrorFamily.PACKAGE, s.sender(), h.messageId(),
                s.recipient());
    }

    private static String unknownRecipient(Session s) throws Exception {
        OrgCode stranger = Refusal.unknownOrganisation(s);
        Header h = Header.builder().sender(s.sender().organisation()).to(s.recipient().organisation(), stranger).build();
        return refuse(s, valid(s, h), h, 422, ErrorCode.ROUTING_UNKNOWN_RECIPIENT) + " (recipient " + stranger + " is not in the directory)";
    }

    private static String impersonation(Session s) throws Exception {
        Tester caller = s.sender();
        Tester named = s.recipient();
        Header h = Session.header(named, caller);
        byte[] pkg = s.packages.bytes(h, named.config().signingIdentity());
        return Refusal.check(s, s.raw(caller).submit(pkg), 403, ErrorCode.AUTH_FORBIDDEN::equals, named, h.messageId(), caller)
                + " (" + caller.organisation() + " submitted a package signed by and in the name of " + named.organisation() + ")";
    }
}
