package org.gongwen.conformance.platform.report;

/** Text made safe for each report format. */
final class Escapes {
    private Escapes() {
    }

    /** Markup text: {@code & < > " '} escaped, and characters XML 1.0 cannot carry replaced by U+FFFD. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF;
                    b.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        }
        return b.toString();
    }

    /** Terminal text on one line: line breaks become spaces, other control characters {@code \\uXXXX}. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.replaceAll("[\\r\\n]+", " ").toCharArray()) {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
