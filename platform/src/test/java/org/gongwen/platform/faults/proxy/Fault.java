package org.gongwen.platform.faults.proxy;

/** What a {@link FaultProxy} can do to one request instead of passing it on faithfully. */
public enum Fault {
    /** Read part of the request body, then close the connection; nothing or a truncated body reaches the node. */
    CUT_UPLOAD,
    /** Pass the node's status, headers and part of its body on, then close the connection. */
    CUT_DOWNLOAD,
    /** Hold the request for a while before passing it on. */
    DELAY_REQUEST,
    /** Hold the node's answer for a while before passing it on. */
    DELAY_RESPONSE,
    /** Answer 500 without asking the node. */
    ERROR_500,
    /** Answer 503 with {@code Retry-After} without asking the node. */
    ERROR_503,
    /** Let the node do the work, then answer 500 instead of its answer. */
    ERROR_500_AFTER,
    /** Let the node do the work, then answer 503 with {@code Retry-After} instead of its answer. */
    ERROR_503_AFTER,
    /** Pass the same request to the node twice and answer with one of the two answers. */
    DUPLICATE
}
