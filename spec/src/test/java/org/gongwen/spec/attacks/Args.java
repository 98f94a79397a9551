package org.gongwen.spec.attacks;

import java.util.Map;

/**
 * The parameters of one step as the operator sees them under one profile: a value written as
 * an object keyed by profile name is resolved to the current profile's value, and every
 * string has its {@code ${...}} placeholders expanded.
 */
final class Args {
    private final Step step;
    private final CaseContext ctx;

    Args(Step step, CaseContext ctx) {
        this.step = step;
        this.ctx = ctx;
    }

    boolean has(String key) {
        return step.params.containsKey(key);
    }

    private Object raw(String key) {
        Object v = step.params.get(key);
        if (v instanceof Map) {
            v = ((Map<?, ?>) v).get(ctx.profile.name());
        }
        if (v == null) {
            throw new IllegalArgumentException(step.op + ": missing \"" + key + "\"" + " for " + ctx.profile);
        }
        return v;
    }

    String string(String key) {
        Object v = raw(key);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException(step.op + ": \"" + key + "\" must be a string");
        }
        return ctx.expand((String) v);
    }

    String string(String key, String def) {
        return has(key) ? string(key) : def;
    }

    long integer(String key) {
        Object v = raw(key);
        if (!(v instanceof Long)) {
            throw new IllegalArgumentException(step.op + ": \"" + key + "\" must be an integer");
        }
        return (Long) v;
    }

    long integer(String key, long def) {
        return has(key) ? integer(key) : def;
    }

    boolean bool(String key, boolean def) {
        if (!has(key)) {
            return def;
        }
        Object v = raw(key);
        if (!(v instanceof Boolean)) {
            throw new IllegalArgumentException(step.op + ": \"" + key + "\" must be true or false");
        }
        return (Boolean) v;
    }

    /** An entry reference: a name, or an index (negative counts from the end). */
    Object entry(String key) {
        Object v = raw(key);
        return v instanceof String ? ctx.expand((String) v) : v;
    }

    CaseContext context() {
        return ctx;
    }
}
