package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.gongwen.cli.report.Json;
import org.gongwen.cli.report.Report;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Property
    void everyStringRoundTrips(@ForAll String s) {
        String quoted = Json.quote(s);
        assertEquals(s, org.gongwen.internal.json.Json.parse(quoted));
        for (char c : quoted.toCharArray()) {
            assertTrue(c >= 0x20, "no raw control character in " + quoted);
        }
    }

    @Test
    void escapesWhatJsonAndJavaScriptNeed() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\\u2028\"", Json.quote("a\"b\\c\n\t\u0001\u2028"));
        assertEquals("\"公文 😀\"", Json.quote("公文 😀"), "paired surrogates stay as they are");
        assertEquals("\"\\ud800x\"", Json.quote("\ud800x"), "an unpaired surrogate is escaped");
    }

    @Test
    void reportWritesNestedValuesAsWellFormedJson() {
        Report r = new Report()
                .text("title", "标题", "关于\"引号\"的通知")
                .text("absent", "空", null)
                .number("size", "大小", 42, "字节")
                .list("empty", "空列表", List.of())
                .list("to", "主送", List.of("a", "b"))
                .section("nested", "嵌套", new Report().text("k", "键", "v"))
                .sections("parts", "部件", List.of(new Report().text("name", "名称", "x"), new Report()));
        StringWriter w = new StringWriter();
        r.writeJson(new PrintWriter(w));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) org.gongwen.internal.json.Json.parse(w.toString());
        assertEquals("关于\"引号\"的通知", m.get("title"));
        assertTrue(m.containsKey("absent") && m.get("absent") == null);
        assertEquals(42L, m.get("size"));
        assertEquals(List.of(), m.get("empty"));
        assertEquals(List.of("a", "b"), m.get("to"));
        assertEquals(Map.of("k", "v"), m.get("nested"));
        assertEquals(List.of(Map.of("name", "x"), Map.of()), m.get("parts"));
    }

    @Test
    void textShowsControlAndBidiCharactersEscapedAndAlignsChineseLabels() {
        Report r = new Report()
                .text("title", "标题", "正常\u202Efdp.exe")
                .text("annotation", "附注说明", "第一行\n第二行\u001b[31m");
        StringWriter w = new StringWriter();
        r.writeText(new PrintWriter(w));
        List<String> lines = w.toString().lines().collect(java.util.stream.Collectors.toList());
        assertEquals("标题      正常\\u202Efdp.exe", lines.get(0));
        assertEquals("附注说明  第一行", lines.get(1));
        assertEquals("          第二行\\u001B[31m", lines.get(2));
    }
}
