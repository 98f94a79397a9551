package org.gongwen.spec.attacks;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Operators on envelope.xml, none of which signs: text replacement on the serialised bytes,
 * a whole envelope from a file of the vector folder, re-encoding, and DOM edits selected by
 * XPath (each parses the envelope, edits it and writes it back).
 */
final class EnvelopeOps {
    private EnvelopeOps() {
    }

    static List<Operator> operators() {
        return List.of(
                Operator.of("text-replace", Set.of("find", "replace"), Set.of("all"), EnvelopeOps::textReplace),
                Operator.of("envelope-file", Set.of("file"), Set.of(), EnvelopeOps::envelopeFile),
                Operator.of("reencode", Set.of("charset"), Set.of("declare"), EnvelopeOps::reencode),
                Operator.of("xml-remove", Set.of("select"), Set.of(), (s, a) -> dom(s, doc -> {
                    for (Node n : EnvelopeDom.select(doc, a.string("select"))) {
                        n.getParentNode().removeChild(n);
                    }
                })),
                Operator.of("xml-insert", Set.of("select", "where", "xml"), Set.of(), (s, a) -> dom(s, doc -> {
                    for (Node target : EnvelopeDom.select(doc, a.string("select"))) {
                        EnvelopeDom.place(target, a.string("where"), EnvelopeDom.fragment(doc, a.string("xml")));
                    }
                })),
                Operator.of("xml-copy", Set.of("select", "to", "where"), Set.of("times"), (s, a) -> dom(s, doc -> {
                    List<Node> copies = new ArrayList<>();
                    for (long i = 0; i < a.integer("times", 1); i++) {
                        for (Node n : EnvelopeDom.select(doc, a.string("select"))) {
                            copies.add(n.cloneNode(true));
                        }
                    }
                    EnvelopeDom.place(EnvelopeDom.selectOne(doc, a.string("to")), a.string("where"), copies);
                })),
                Operator.of("xml-move", Set.of("select", "to", "where"), Set.of(), (s, a) -> dom(s, doc -> {
                    List<Node> moved = EnvelopeDom.select(doc, a.string("select"));
                    Node to = EnvelopeDom.selectOne(doc, a.string("to"));
                    moved.forEach(n -> n.getParentNode().removeChild(n));
                    EnvelopeDom.place(to, a.string("where"), moved);
                })),
                Operator.of("xml-wrap", Set.of("select", "xml"), Set.of(), (s, a) -> dom(s, doc -> {
                    for (Node n : EnvelopeDom.select(doc, a.string("select"))) {
                        List<Node> w = EnvelopeDom.fragment(doc, a.string("xml"));
                        if (w.size() != 1 || !(w.get(0) instanceof Element)) {
                            throw new IllegalArgumentException("xml-wrap needs exactly one wrapper element");
                        }
                        Element wrapper = (Element) w.get(0);
                        n.getParentNode().replaceChild(wrapper, n);
                        innermost(wrapper).appendChild(n);
                    }
                })),
                Operator.of("xml-set-attribute", Set.of("select", "name", "value"), Set.of(), (s, a) -> dom(s, doc -> {
                    for (Node n : EnvelopeDom.select(doc, a.string("select"))) {
                        ((Element) n).setAttributeNS(null, a.string("name"), a.string("value"));
                    }
                })),
                Operator.of("xml-remove-attribute", Set.of("select", "name"), Set.of(), (s, a) -> dom(s, doc -> {
                    for (Node n : EnvelopeDom.select(doc, a.string("select"))) {
                        if (!((Element) n).hasAttributeNS(null, a.string("name"))) {
                            throw new IllegalArgumentException("no attribute " + a.string("name") + " to remove");
                        }
                        ((Element) n).removeAttributeNS(null, a.string("name"));
                    }
                })),
                Operator.of("xml-set-text", Set.of("select", "text"), Set.of(), (s, a) -> dom(s, doc -> {
                    for (Node n : EnvelopeDom.select(doc, a.string("select"))) {
                        n.setTextContent(a.string("text"));
                    }
                })));
    }

    /** An edit of the parsed envelope. */
    private interface Edit {
        void apply(Document doc) throws Exception;
    }

    private static void dom(Subject s, Edit edit) throws Exception {
        Document doc = EnvelopeDom.parse(s.envelope());
        edit.apply(doc);
        s.envelope(EnvelopeDom.write(doc));
    }

    private static Element innermost(Element e) {
        Element c = e;
        for (Node n = c.getFirstChild(); n != null; n = c.getFirstChild()) {
            if (!(n instanceof Element)) {
                break;
            }
            c = (Element) n;
        }
        return c;
    }

    private static void textReplace(Subject s, Args a) {
        String xml = new String(s.envelope(), StandardCharsets.UTF_8);
        String find = a.string("find");
        if (!xml.contains(find)) {
            throw new IllegalArgumentException("text-replace: '" + find + "' does not occur in the envelope");
        }
        String replace = a.string("replace");
        String out = a.bool("all", false) ? xml.replace(find, replace) : xml.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replace));
        s.envelope(out.getBytes(StandardCharsets.UTF_8));
    }

    private static void envelopeFile(Subject s, Args a) throws Exception {
        String name = a.string("file");
        if (!name.matches("[a-z0-9-]+(/[a-z0-9-]+)*\\.xml")) {
            throw new IllegalArgumentException("envelope-file names a file below the vector folder, as lower-case/words.xml");
        }
        String text = Files.readString(s.ctx.vectorDir.resolve(name), StandardCharsets.UTF_8);
        s.envelope(s.ctx.expand(text).getBytes(StandardCharsets.UTF_8));
    }

    private static void reencode(Subject s, Args a) {
        String xml = new String(s.envelope(), StandardCharsets.UTF_8);
        String declared = a.string("declare", a.string("charset"));
        String decl = "encoding=\"UTF-8\"";
        if (xml.startsWith("<?xml") && xml.contains(decl)) {
            xml = xml.replaceFirst(decl, "encoding=\"" + declared + "\"");
        }
        s.envelope(xml.getBytes(Charset.forName(a.string("charset"))));
    }
}
