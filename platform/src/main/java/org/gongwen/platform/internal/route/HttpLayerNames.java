package org.gongwen.platform.internal.route;

/** Names shared by the node's server and its relay client. */
public final class HttpLayerNames {
    /** On a plain http node (tests only), the header naming the caller in place of a client certificate. */
    public static final String PLAIN_CALLER_HEADER = "Gongwen-Caller";

    private HttpLayerNames() {
    }
}
