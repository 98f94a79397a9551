package org.gongwen.platform.internal.http;

import java.util.List;
import org.gongwen.internal.wire.Binding;

/**
 * The resources of the binding (T-3.1) and the method each takes.
 *
 * @param kind which resource
 * @param params the path parameters (sender and message id, or message id)
 */
record Route(Kind kind, List<String> params) {
    enum Kind {
        SUBMIT("POST"), STATUS("GET"), MAILBOX("GET"), FETCH("GET"), RECEIPTS("POST"), DIRECTORY("GET"),
        RELAY_MESSAGES("POST"), RELAY_RECEIPTS("POST");

        final String method;

        Kind(String method) {
            this.method = method;
        }
    }

    /** The route of a path, or null for an unknown path. */
    static Route match(String path) {
        if (path == null || !path.startsWith(Binding.PREFIX)) {
            return null;
        }
        switch (path) {
            case Binding.MESSAGES: return new Route(Kind.SUBMIT, List.of());
            case Binding.MAILBOX: return new Route(Kind.MAILBOX, List.of());
            case Binding.RECEIPTS: return new Route(Kind.RECEIPTS, List.of());
            case Binding.DIRECTORY: return new Route(Kind.DIRECTORY, List.of());
            case Binding.RELAY_MESSAGES: return new Route(Kind.RELAY_MESSAGES, List.of());
            case Binding.RELAY_RECEIPTS: return new Route(Kind.RELAY_RECEIPTS, List.of());
            default: break;
        }
        String[] seg = path.substring(Binding.PREFIX.length()).split("/", -1);
        if (seg.length == 3 && seg[0].equals("mailbox") && !seg[1].isEmpty() && !seg[2].isEmpty()) {
            return new Route(Kind.FETCH, List.of(seg[1], seg[2]));
        }
        if (seg.length == 3 && seg[0].equals("messages") && seg[2].equals("status") && !seg[1].isEmpty()) {
            return new Route(Kind.STATUS, List.of(seg[1]));
        }
        return null;
    }
}
