package org.gongwen.platform.internal.log;

/**
 * Makes text that came from outside (a request's path or query, a neighbour's error message) safe
 * to write into a log line: control characters, line and paragraph separators and invisible
 * format characters (such as bidirectional overrides) are written as escapes (a backslash, "u"
 * and four hexadecimal digits; backslash-r, -n and -t for the common ones), so that nobody can
 * forge a log line or hide text in one. Long text is cut. Stateless.
 */
public final class LogText {
    /** The most characters kept. */
    static final int MAX_CHARS = 2000;

    private LogText() {
    }

    /** The text, safe for one log line; "null" for null. */
    public static String of(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = null;
        int n = Math.min(s.length(), MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String escape = escape(c);
            if (escape != null && b == null) {
                b = new StringBuilder(n + 16).append(s, 0, i);
            }
            if (b != null) {
                b.append(escape != null ? escape : String.valueOf(c));
            }
        }
        String out = b != null ? b.toString() : s.substring(0, n);
        return s.length() > MAX_CHARS ? out + "…(" + (s.length() - MAX_CHARS) + " more characters)" : out;
    }

    private static String escape(char c) {
        switch (c) {
            case '\r': return "\\r";
            case '\n': return "\\n";
            case '\t': return "\\t";
            default: break;
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
