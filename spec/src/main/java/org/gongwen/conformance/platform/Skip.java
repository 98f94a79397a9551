package org.gongwen.conformance.platform;

/** Thrown by a scenario that cannot run because the node or the tester profile lacks what it needs. */
final class Skip extends Exception {
    Skip(String reason) {
        super(reason, null, false, false);
    }
}
