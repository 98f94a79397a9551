package org.gongwen.spec.attacks;

import java.util.Map;
import java.util.TreeMap;

/** One mutation step of a case: an operator name and its parameters, as written in the vector. */
final class Step {
    final int index;
    final String op;
    final Map<String, Object> params;

    Step(int index, String op, Map<String, Object> params) {
        this.index = index;
        this.op = op;
        this.params = Map.copyOf(params);
    }

    @Override
    public String toString() {
        return "step " + (index + 1) + " " + op + new TreeMap<>(params);
    }
}
