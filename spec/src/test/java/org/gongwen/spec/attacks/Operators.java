package org.gongwen.spec.attacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gongwen.api.sign.SignatureProfile;

/** The registry of every named mutation operator, and the check of a step against it. */
final class Operators {
    static final Map<String, Operator> ALL = registry();

    private Operators() {
    }

    private static Map<String, Operator> registry() {
        List<Operator> all = new ArrayList<>();
        all.addAll(EnvelopeOps.operators());
        all.addAll(SignatureOps.operators());
        all.addAll(EntryOps.operators());
        all.addAll(ByteOps.operators());
        Map<String, Operator> m = new TreeMap<>();
        for (Operator o : all) {
            if (m.put(o.name, o) != null) {
                throw new IllegalStateException("operator " + o.name + " registered twice");
            }
        }
        return Map.copyOf(m);
    }

    /** Checks a step's operator and parameters as far as that is possible before running it. */
    static void check(Step step, List<SignatureProfile> profiles) {
        Operator op = ALL.get(step.op);
        if (op == null) {
            throw new IllegalArgumentException("unknown operator '" + step.op + "'; known: " + new TreeSet<>(ALL.keySet()));
        }
        for (String r : op.required) {
            if (!step.params.containsKey(r)) {
                throw new IllegalArgumentException(step + ": missing parameter \"" + r + "\"");
            }
        }
        for (Map.Entry<String, Object> p : step.params.entrySet()) {
            if (!op.required.contains(p.getKey()) && !op.optional.contains(p.getKey())) {
                throw new IllegalArgumentException(step + ": unknown parameter \"" + p.getKey() + "\"; allowed: "
                        + new TreeSet<>(op.required) + " " + new TreeSet<>(op.optional));
            }
            if (p.getValue() instanceof Map) {
                Set<?> keys = ((Map<?, ?>) p.getValue()).keySet();
                for (Object k : keys) {
                    try {
                        SignatureProfile.valueOf((String) k);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(step + ": \"" + p.getKey() + "\" has key '" + k + "', which is no profile");
                    }
                }
                for (SignatureProfile sp : profiles) {
                    if (!keys.contains(sp.name())) {
                        throw new IllegalArgumentException(step + ": \"" + p.getKey() + "\" has no value for " + sp);
                    }
                }
            }
        }
    }

    /** Runs one step. */
    static void apply(Step step, Subject s) throws Exception {
        ALL.get(step.op).body.apply(s, new Args(step, s.ctx));
    }
}
