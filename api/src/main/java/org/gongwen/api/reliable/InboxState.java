package org.gongwen.api.reliable;

/** Where an incoming message stands in the inbox. */
public enum InboxState {
    /** Fetched, verified, stored and acknowledged to the node; waiting for the handler (again, after a failure). */
    RECEIVED,
    /** The handler returned and its transaction committed. Final. */
    HANDLED,
    /** The handler failed as many times as allowed; kept with its last error for an operator. */
    PARKED
}
