package org.gongwen.spec.attacks;

import java.util.Set;

/** A named mutation operator: the parameters it takes and what it does to a package. */
final class Operator {
    /** The operation itself. */
    interface Body {
        void apply(Subject s, Args a) throws Exception;
    }

    final String name;
    final Set<String> required;
    final Set<String> optional;
    final Body body;

    private Operator(String name, Set<String> required, Set<String> optional, Body body) {
        this.name = name;
        this.required = required;
        this.optional = optional;
        this.body = body;
    }

    static Operator of(String name, Set<String> required, Set<String> optional, Body body) {
        return new Operator(name, Set.copyOf(required), Set.copyOf(optional), body);
    }
}
