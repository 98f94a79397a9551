package org.gongwen.api.envelope;

/**
 * 文种: the 15 kinds of official document of the 党政机关公文处理工作条例 (2012), Article 8,
 * in its order. The XML form is the constant's name; {@link #code()} is the two-digit code
 * used in 公文标识.
 */
public enum DocumentKind {
    RESOLUTION("01", "决议"),
    DECISION("02", "决定"),
    ORDER("03", "命令（令）"),
    COMMUNIQUE("04", "公报"),
    ANNOUNCEMENT("05", "公告"),
    PUBLIC_NOTICE("06", "通告"),
    OPINION("07", "意见"),
    NOTICE("08", "通知"),
    BULLETIN("09", "通报"),
    REPORT("10", "报告"),
    REQUEST("11", "请示"),
    REPLY("12", "批复"),
    MOTION("13", "议案"),
    LETTER("14", "函"),
    MINUTES("15", "纪要");

    private final String code;
    private final String label;

    DocumentKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The two-digit code, 01 to 15. */
    public String code() {
        return code;
    }

    /** The Chinese name, for example 通知. */
    public String label() {
        return label;
    }

    /** Finds a kind by its name, its two-digit code or its Chinese name (命令 and 令 both match ORDER). */
    public static DocumentKind fromText(String text) {
        for (DocumentKind k : values()) {
            if (k.name().equals(text) || k.code.equals(text) || k.label.equals(text)) {
                return k;
            }
        }
        if ("命令".equals(text) || "令".equals(text)) {
            return ORDER;
        }
        throw new IllegalArgumentException("unknown 文种 '" + text + "': expected one of the 15 kinds, e.g. 通知 or NOTICE or 08");
    }
}
