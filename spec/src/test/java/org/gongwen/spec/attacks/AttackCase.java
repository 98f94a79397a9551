package org.gongwen.spec.attacks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.sign.SignatureProfile;

/**
 * One attack as read from a vector file (format: spec/vectors/attacks/README.md): which rule it
 * attacks, under which profiles, how the base package is mutated, under which trust policy and
 * limits it is verified, and the one error code verification must answer with.
 */
final class AttackCase {
    /** The {@code expect} value of control cases, which must verify. */
    static final String VALID = "VALID";

    final String file;
    final String family;
    final String id;
    final String clause;
    final List<SignatureProfile> profiles;
    final String base;
    final String signer;
    final String policy;
    final Map<String, Long> limits;
    final List<Step> steps;
    final String expect;

    AttackCase(String file, String family, String id, String clause, List<SignatureProfile> profiles, String base,
            String signer, String policy, Map<String, Long> limits, List<Step> steps, String expect) {
        this.file = file;
        this.family = family;
        this.id = id;
        this.clause = clause;
        this.profiles = List.copyOf(profiles);
        this.base = base;
        this.signer = signer;
        this.policy = policy;
        this.limits = Map.copyOf(limits);
        this.steps = List.copyOf(steps);
        this.expect = expect;
    }

    /** The expected error code, or empty for a control case that must verify. */
    Optional<ErrorCode> expectedCode() {
        return VALID.equals(expect) ? Optional.empty() : ErrorCode.fromCode(expect);
    }

    /** The limits this case is verified under: the defaults with the case's changes. */
    Limits limits() {
        Limits.Builder b = Limits.builder();
        for (Map.Entry<String, Long> e : limits.entrySet()) {
            long v = e.getValue();
            switch (e.getKey()) {
                case "maxEnvelopeBytes": b.maxEnvelopeBytes(Math.toIntExact(v)); break;
                case "maxXmlDepth": b.maxXmlDepth(Math.toIntExact(v)); break;
                case "maxParts": b.maxParts(Math.toIntExact(v)); break;
                case "maxPartBytes": b.maxPartBytes(v); break;
                case "maxPackageBytes": b.maxPackageBytes(v); break;
                case "maxCertificates": b.maxCertificates(Math.toIntExact(v)); break;
                default: throw new IllegalArgumentException("unknown limit " + e.getKey());
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return id + " (" + file + ")";
    }
}
