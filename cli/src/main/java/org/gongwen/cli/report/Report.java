package org.gongwen.cli.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered tree of labelled values that prints either as aligned text with Chinese labels or
 * as JSON with English keys, so that both forms always hold the same facts. Text output shows
 * control and formatting characters (for example bidirectional overrides) as {@code \\uXXXX}
 * escapes, so that a hostile package cannot rewrite the terminal.
 */
public final class Report {
    private final List<Item> items = new ArrayList<>();

    private static final class Item {
        final String key;
        final String label;
        final Object text;
        final Object json;

        Item(String key, String label, Object text, Object json) {
            this.key = key;
            this.label = label;
            this.text = text;
            this.json = json;
        }
    }

    /** Adds a text value; null means absent (shown as "-", written as JSON null). */
    public Report text(String key, String label, String value) {
        return text(key, label, value, value);
    }

    /** Adds a value shown as {@code shown} in text and written as {@code json} in JSON (both null when absent). */
    public Report text(String key, String label, String shown, String json) {
        items.add(new Item(key, label, shown, json));
        return this;
    }

    /** Adds a number; the text form carries {@code unit} after it. */
    public Report number(String key, String label, long value, String unit) {
        items.add(new Item(key, label, value + (unit.isEmpty() ? "" : " " + unit), value));
        return this;
    }

    /** Adds a boolean. */
    public Report flag(String key, String label, boolean value, String shown) {
        items.add(new Item(key, label, shown, value));
        return this;
    }

    /** Adds a list of texts (shown one per line). */
    public Report list(String key, String label, List<String> values) {
        items.add(new Item(key, label, List.copyOf(values), List.copyOf(values)));
        return this;
    }

    /** Adds a nested section; null means absent. */
    public Report section(String key, String label, Report section) {
        items.add(new Item(key, label, section, section));
        return this;
    }

    /** Adds a list of sections, labelled 1, 2, ... in text. */
    public Report sections(String key, String label, List<Report> sections) {
        Sections s = new Sections(List.copyOf(sections));
        items.add(new Item(key, label, s, s));
        return this;
    }

    private static final class Sections {
        final List<Report> list;

        Sections(List<Report> list) {
            this.list = list;
        }
    }

    /** Prints the aligned text form. */
    public void writeText(PrintWriter w) {
        writeText(w, "", true);
        w.flush();
    }

    private void writeText(PrintWriter w, String indent, boolean top) {
        int column = 0;
        for (Item i : items) {
            if (!(i.text instanceof Report) && !(i.text instanceof Sections)) {
                column = Math.max(column, Width.of(i.label));
            }
        }
        for (Item i : items) {
            if (i.text instanceof Report) {
                if (top) {
                    w.println();
                }
                w.println(indent + i.label);
                ((Report) i.text).writeText(w, indent + "  ", false);
            } else if (i.text instanceof Sections) {
                List<Report> list = ((Sections) i.text).list;
                if (list.isEmpty()) {
                    w.println(indent + i.label + "  -");
                }
                for (int n = 0; n < list.size(); n++) {
                    w.println(indent + i.label + " " + (n + 1));
                    list.get(n).writeText(w, indent + "  ", false);
                }
            } else {
                String head = indent + i.label + " ".repeat(column - Width.of(i.label)) + "  ";
                String continuation = " ".repeat(Width.of(head));
                List<String> lines = lines(i.text);
                for (int n = 0; n < lines.size(); n++) {
                    w.println((n == 0 ? head : continuation) + lines.get(n));
                }
            }
        }
    }

    private static List<String> lines(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            out.add("-");
        } else if (value instanceof List) {
            for (Object o : (List<?>) value) {
                out.addAll(lines(o));
            }
            if (out.isEmpty()) {
                out.add("-");
            }
        } else {
            for (String line : value.toString().split("\n", -1)) {
                out.add(visible(line));
            }
        }
        return out;
    }

    /**
     * The text with control and format characters (for example bidirectional overrides) written
     * as {@code \\uXXXX}, for printing text that comes from a package to a terminal.
     */
    public static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                b.append(String.format("\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** Prints the JSON form, indented by two spaces. */
    public void writeJson(PrintWriter w) {
        StringBuilder b = new StringBuilder();
        appendJson(b, "");
        w.println(b);
        w.flush();
    }

    private void appendJson(StringBuilder b, String indent) {
        if (items.isEmpty()) {
            b.append("{}");
            return;
        }
        b.append("{\n");
        String inner = indent + "  ";
        for (int n = 0; n < items.size(); n++) {
            Item i = items.get(n);
            b.append(inner).append(Json.quote(i.key)).append(": ");
            appendValue(b, i.json, inner);
            b.append(n + 1 < items.size() ? ",\n" : "\n");
        }
        b.append(indent).append('}');
    }

    private static void appendValue(StringBuilder b, Object v, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Report) {
            ((Report) v).appendJson(b, indent);
        } else if (v instanceof Sections) {
            appendArray(b, ((Sections) v).list, indent);
        } else if (v instanceof List) {
            appendArray(b, (List<?>) v, indent);
        } else if (v instanceof Long || v instanceof Boolean) {
            b.append(v);
        } else {
            b.append(Json.quote(v.toString()));
        }
    }

    private static void appendArray(StringBuilder b, List<?> list, String indent) {
        if (list.isEmpty()) {
            b.append("[]");
            return;
        }
        b.append("[\n");
        String inner = indent + "  ";
        for (int n = 0; n < list.size(); n++) {
            b.append(inner);
            appendValue(b, list.get(n), inner);
            b.append(n + 1 < list.size() ? ",\n" : "\n");
        }
        b.append(indent).append(']');
    }
}
