package org.gongwen.conformance.platform;

/** Thrown by a scenario's steps when the node did something other than the clause requires. */
final class Mismatch extends Exception {
    Mismatch(String observed) {
        super(observed, null, false, false);
    }
}
