package org.gongwen.api.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The rule for part names (spec/package.md): 1 to 255 UTF-8 bytes; no path separators, no
 * {@code ..}, no control characters, none of {@code : * ? " < > |}; not starting with a dot or
 * a space, not ending with a dot or a space; no invisible format characters (such as the
 * bidirectional overrides that make {@code 正文\u202Efdp.exe} display as {@code 正文exe.pdf});
 * not a Windows device name ({@code CON}, {@code NUL.pdf}, {@code COM1}, ...); not
 * {@code envelope.xml} in any letter case.
 */
public final class PartNames {
    /** The fixed name of the envelope entry. */
    public static final String ENVELOPE = "envelope.xml";

    private PartNames() {
    }

    /** Why {@code name} is not a valid part name, or {@code null} if it is. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "empty name";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
            return "longer than 255 UTF-8 bytes";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || "/\\:*?\"<>|".indexOf(c) >= 0 || !Checks.isXmlChar(name, i)
                    || Character.getType(name.codePointAt(i)) == Character.FORMAT) {
                return "character " + (i + 1) + " of '" + safe(name) + "' is not allowed";
            }
        }
        if (name.startsWith(".") || name.startsWith(" ") || name.endsWith(".") || name.endsWith(" ")) {
            return "'" + safe(name) + "' starts or ends with a dot or a space";
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (base.toUpperCase(Locale.ROOT).matches("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]")) {
            return "'" + safe(name) + "' is a device name on Windows";
        }
        if (collisionKey(name).equals(ENVELOPE)) {
            return "'" + ENVELOPE + "' is reserved for the envelope";
        }
        return null;
    }

    /**
     * The key under which two names count as the same: Unicode NFC, letter case folded (upper
     * then lower case, so that ς, σ and Σ, or ſ and s, fold together).
     */
    public static String collisionKey(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }


    private static String safe(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            b.append(Character.isISOControl(c) ? '?' : c);
            if (b.length() > 80) {
                return b + "...";
            }
        }
        return b.toString();
    }
}
