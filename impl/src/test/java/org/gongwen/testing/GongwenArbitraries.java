package org.gongwen.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.gongwen.api.envelope.Classification;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Manifest;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartNames;
import org.gongwen.api.envelope.PartRole;
import org.gongwen.api.envelope.SecurityLevel;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.id.DocumentId;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.id.OrgCode;

/**
 * The jqwik generators shared by every property test: identifiers, text, header, metadata,
 * manifest, whole envelopes and package specifications. Every generated value is one the API
 * builders accept; text mixes Chinese, ASCII, characters that XML must escape, full-width
 * punctuation, supplementary-plane characters and white space.
 */
public final class GongwenArbitraries {
    private static final List<String> MEDIA_TYPES = List.of("application/pdf", "application/ofd", "text/plain",
            "application/octet-stream", "image/png", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/xml", "video/mp4", "application/vnd.ms-excel");

    private GongwenArbitraries() {
    }

    // ---- identifiers ------------------------------------------------------------------

    /** 17 characters of the 统一社会信用代码 alphabet: a code without its check character. */
    public static Arbitrary<String> orgCodeBodies() {
        return Arbitraries.strings().withChars(OrgCode.ALPHABET.toCharArray()).ofLength(17);
    }

    /** Valid organisation codes: random bodies with the computed check character, and the sample organisations. */
    public static Arbitrary<OrgCode> orgCodes() {
        Arbitrary<OrgCode> random = orgCodeBodies().map(b -> OrgCode.of(b + OrgCode.checkCharacter(b)));
        Arbitrary<OrgCode> samples = Arbitraries.of(Fixtures.SHAANXI, Fixtures.XIAN, Fixtures.XIANYANG, Fixtures.LIQUAN,
                Fixtures.CHUNHUA, Fixtures.BINZHOU);
        return Arbitraries.frequencyOf(Tuple.of(4, random), Tuple.of(1, samples));
    }

    /** 机关代字: 1 to 12 characters, none of them white space, control characters or brackets. */
    public static Arbitrary<String> agencyCodes() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(8, cjk()),
                Tuple.of(2, asciiAlphanumeric()),
                Tuple.of(1, Arbitraries.of("<", ">", "&", "\"", "'", "号", "★", "-", "·", "、", "\uFEFF", "&amp;")),
                Tuple.of(1, supplementary()));
        return token.list().ofMinSize(1).ofMaxSize(12).map(GongwenArbitraries::join);
    }

    /** 发文字号 built from its parts. */
    public static Arbitrary<DocumentNumber> documentNumbers() {
        return Combinators.combine(agencyCodes(), Arbitraries.integers().between(0, 9999),
                Arbitraries.longs().between(1, 999_999_999L)).as(DocumentNumber::of);
    }

    /** 公文标识: generated ones with a check character, and opaque ones of up to 200 characters. */
    public static Arbitrary<DocumentId> documentIds() {
        Arbitrary<String> oids = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("1.2.156.3005.2", "2.16.156.1", "1.2.156.10197")),
                Tuple.of(1, Arbitraries.integers().between(0, 99_999).list().ofMinSize(1).ofMaxSize(6)
                        .map(l -> "1" + l.stream().map(i -> "." + i).collect(Collectors.joining()))));
        Arbitrary<DocumentId> generated = Combinators.combine(oids, orgCodes(), Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(1000, 9999), Arbitraries.of(DocumentKind.class),
                Arbitraries.integers().between(0, 999_999))
                .as((oid, org, unit, year, kind, serial) -> DocumentId.generate(oid, org, unit, year, kind.code(), serial));
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(4, asciiAlphanumeric()), Tuple.of(4, cjk()), Tuple.of(1, xmlSpecials()),
                Tuple.of(1, Arbitraries.of(".", "-", "_", ":", "/", "〔", "〕", "№")), Tuple.of(1, supplementary()));
        Arbitrary<DocumentId> opaque = token.list().ofMinSize(1).ofMaxSize(120).map(GongwenArbitraries::join)
                .filter(s -> s.length() <= DocumentId.MAX_LENGTH).map(DocumentId::of);
        return Arbitraries.oneOf(generated, opaque);
    }

    // ---- text -------------------------------------------------------------------------

    /** One CJK unified ideograph of the basic block. */
    public static Arbitrary<String> cjk() {
        return Arbitraries.chars().range('\u4E00', '\u9FA5').map(String::valueOf);
    }

    /** One ASCII letter or digit. */
    public static Arbitrary<String> asciiAlphanumeric() {
        return Arbitraries.chars().alpha().numeric().map(String::valueOf);
    }

    /** Characters and sequences that XML markup must escape or that look like markup. */
    public static Arbitrary<String> xmlSpecials() {
        return Arbitraries.of("<", ">", "&", "\"", "'", ";", "]]>", "&amp;", "&lt;", "<!--", "-->", "<?x?>", "&#x41;",
                "<![CDATA[", "<ds:Signature>", "%");
    }

    /** One supplementary-plane character (CJK Extension B or an emoji), two UTF-16 units. */
    public static Arbitrary<String> supplementary() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0x20000, 0x2A6D6),
                Arbitraries.integers().between(0x1F600, 0x1F64F)).map(Character::toString);
    }

    private static Arbitrary<String> textToken() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, cjk()),
                Tuple.of(4, asciiAlphanumeric()),
                Tuple.of(2, xmlSpecials()),
                Tuple.of(2, Arbitraries.of("〔", "〕", "（", "）", "、", "，", "。", "：", "；", "“", "”", "《", "》", "★", "—",
                        "…", "·", "\u3000", "１", "Ａ")),
                Tuple.of(1, supplementary()),
                Tuple.of(1, Arbitraries.of(" ", "\n", "\t", "  ")),
                Tuple.of(1, Arbitraries.of("é", "ß", "Ω", "\u00A0", "\u200B", "\u2028", "\uFEFF", "\uFFFD", "\uE000")));
    }

    /**
     * Text of 1 to {@code maxLength} UTF-16 units that is not blank: usually short, now and
     * then up to the limit.
     */
    public static Arbitrary<String> texts(int maxLength) {
        Arbitrary<List<String>> usual = textToken().list().ofMinSize(1).ofMaxSize(Math.min(maxLength, 30));
        Arbitrary<List<String>> long_ = textToken().list().ofMinSize(1).ofMaxSize(maxLength);
        return Arbitraries.frequencyOf(Tuple.of(9, usual), Tuple.of(1, long_)).map(GongwenArbitraries::join)
                .filter(s -> s.length() <= maxLength && !s.isBlank());
    }

    /**
     * Any short string at all, including characters that XML 1.0 cannot carry (controls, lone
     * surrogates, U+FFFE, U+FFFF): for checking that what a builder accepts can be written.
     */
    public static Arbitrary<String> anyTexts() {
        Arbitrary<String> hostile = Arbitraries.of("\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\r", "\u001F",
                "\u007F", "\u0085", "\u009F", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uFFFE", "\uFFFF", "\uD83D\uDE00",
                "\uDE00\uD83D");
        return Arbitraries.frequencyOf(Tuple.of(6, textToken()), Tuple.of(1, hostile), Tuple.of(1, Arbitraries.chars().map(String::valueOf)))
                .list().ofMinSize(1).ofMaxSize(12).map(GongwenArbitraries::join);
    }

    // ---- envelope values --------------------------------------------------------------

    /** Random UUIDs drawn from the generator's seed. */
    public static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    /** Instants from 1970 to 2099, with sub-millisecond digits that the header drops. */
    public static Arbitrary<Instant> instants() {
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2099-12-31T23:59:59Z").toEpochMilli();
        return Combinators.combine(Arbitraries.longs().between(from, to), Arbitraries.integers().between(0, 999_999))
                .as((ms, ns) -> Instant.ofEpochMilli(ms).plusNanos(ns));
    }

    /** Dates from 1949 to 2099. */
    public static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1949, 10, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    /** Headers from any sender, with 1 to 5 primary and 0 to 5 copy recipients, all distinct. */
    public static Arbitrary<Header> headers() {
        return orgCodes().flatMap(GongwenArbitraries::headers);
    }

    /** Headers from the given sender (a package's sender must own the signing certificate). */
    public static Arbitrary<Header> headers(OrgCode sender) {
        Arbitrary<List<List<OrgCode>>> recipients = Combinators.combine(Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 5)).flatAs((to, cc) -> orgCodes().list().uniqueElements()
                .ofSize(to + cc).map(all -> List.of(all.subList(0, to), all.subList(to, to + cc))));
        Arbitrary<Instant> created = instants();
        return Combinators.combine(uuids(), uuids().injectNull(0.5), uuids().injectNull(0.5), created,
                Arbitraries.longs().between(1, 3L * 365 * 24 * 3600 * 1000).injectNull(0.5), recipients,
                Arbitraries.of(MessageType.class), Arbitraries.of(Urgency.class).injectNull(0.3))
                .as((id, conv, ref, at, expiresAfter, rcpt, type, urgency) -> {
                    Header.Builder b = Header.builder().messageId(id).sender(sender).created(at).messageType(type)
                            .refToMessageId(ref).urgency(urgency)
                            .expires(expiresAfter == null ? null : at.plusMillis(expiresAfter))
                            .to(rcpt.get(0).toArray(new OrgCode[0])).cc(rcpt.get(1).toArray(new OrgCode[0]));
                    if (conv != null) {
                        b.conversationId(conv);
                    }
                    return b.build();
                });
    }

    /** Metadata with every optional element present or not, classified now and then. */
    public static Arbitrary<DocumentMetadata> metadata() {
        return metadata(true);
    }

    /** Metadata that packages may carry: never classified (a classified document is refused). */
    public static Arbitrary<DocumentMetadata> unclassifiedMetadata() {
        return metadata(false);
    }

    private static Arbitrary<DocumentMetadata> metadata(boolean classified) {
        Arbitrary<Classification> classification = Combinators.combine(Arbitraries.of(SecurityLevel.class),
                texts(50).injectNull(0.4)).as(Classification::of);
        Builders.BuilderCombinator<DocumentMetadata.Builder> b = Builders.withBuilder(DocumentMetadata::builder)
                .use(Arbitraries.of(DocumentKind.class)).in(DocumentMetadata.Builder::kind)
                .use(documentIds()).withProbability(0.5).in(DocumentMetadata.Builder::documentId)
                .use(Arbitraries.strings().numeric().ofLength(6)).withProbability(0.5).in(DocumentMetadata.Builder::copyNumber)
                .use(Arbitraries.of(Urgency.EXTRA_URGENT, Urgency.URGENT)).withProbability(0.5).in(DocumentMetadata.Builder::urgency)
                .use(texts(200)).in(DocumentMetadata.Builder::issuerMark)
                .use(documentNumbers()).withProbability(0.6).in(DocumentMetadata.Builder::documentNumber)
                .use(texts(50).list().ofMaxSize(3)).in((m, l) -> {
                    l.forEach(m::signatory);
                    return m;
                })
                .use(texts(500)).in(DocumentMetadata.Builder::title)
                .use(texts(2000)).withProbability(0.5).in(DocumentMetadata.Builder::principalRecipients)
                .use(texts(500).list().ofMaxSize(3)).in((m, l) -> {
                    l.forEach(m::attachmentNote);
                    return m;
                })
                .use(texts(500)).in(DocumentMetadata.Builder::issuingAuthority)
                .use(dates()).in(DocumentMetadata.Builder::dateOfWriting)
                .use(texts(2000)).withProbability(0.4).in(DocumentMetadata.Builder::annotation)
                .use(texts(2000)).withProbability(0.4).in(DocumentMetadata.Builder::copyTo)
                .use(texts(200)).withProbability(0.5).in(DocumentMetadata.Builder::printingAuthority)
                .use(dates()).withProbability(0.5).in(DocumentMetadata.Builder::printingDate)
                .use(texts(50)).withProbability(0.5).in(DocumentMetadata.Builder::releaseLevel);
        if (classified) {
            b = b.use(classification).withProbability(0.3).in(DocumentMetadata.Builder::classification);
        }
        return b.build(DocumentMetadata.Builder::build);
    }

    /** Part names the rules accept: Chinese, ASCII, punctuation, supplementary characters, an extension. */
    public static Arbitrary<String> partNames() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(6, cjk()), Tuple.of(6, asciiAlphanumeric()),
                Tuple.of(2, Arbitraries.of(" ", "-", "_", ".", "(", ")", "（", "）", "&", "'", "#", "%", "+", ",", ";", "=",
                        "@", "[", "]", "{", "}", "~", "、", "·", "\u3000", "１")),
                Tuple.of(1, supplementary()));
        Arbitrary<String> extension = Arbitraries.of("", ".pdf", ".ofd", ".xlsx", ".txt", ".PDF", ".tar.gz", ".xml");
        return Combinators.combine(token.list().ofMinSize(1).ofMaxSize(20).map(GongwenArbitraries::join), extension)
                .as(String::concat).filter(n -> PartNames.problem(n) == null);
    }

    /** Media types, lower case type/subtype. */
    public static Arbitrary<String> mediaTypes() {
        return Arbitraries.of(MEDIA_TYPES);
    }

    /** Manifests of 1 to 5 parts with exactly one 正文 at a random position and names unique ignoring case. */
    public static Arbitrary<Manifest> manifests() {
        Arbitrary<DigestAlgorithm> alg = Arbitraries.of(DigestAlgorithm.class);
        Arbitrary<List<String>> names = partNames().list().ofMinSize(1).ofMaxSize(5).uniqueElements(PartNames::collisionKey);
        return Combinators.combine(alg, names).flatAs((a, n) -> Combinators.combine(
                Arbitraries.integers().between(0, n.size() - 1),
                mediaTypes().list().ofSize(n.size()),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).list().ofSize(n.size()),
                Arbitraries.bytes().array(byte[].class).ofSize(a.length()).list().ofSize(n.size()))
                .as((body, types, sizes, digests) -> {
                    List<Part> parts = new ArrayList<>();
                    for (int i = 0; i < n.size(); i++) {
                        parts.add(new Part(n.get(i), i == body ? PartRole.BODY : PartRole.ATTACHMENT, types.get(i),
                                sizes.get(i), digests.get(i)));
                    }
                    return new Manifest(a, parts);
                }));
    }

    /** Whole envelopes (header, metadata, manifest), classified documents included. */
    public static Arbitrary<Envelope> envelopes() {
        return Combinators.combine(headers(), metadata(), manifests()).as(Envelope::new);
    }

    // ---- packages ---------------------------------------------------------------------

    /** One part to pack: name, media type, size and the seed of its pseudo-random bytes. */
    public static Arbitrary<PackageSpec.PartSpec> partSpecs(int maxBytes) {
        return Combinators.combine(partNames(), mediaTypes(), Arbitraries.integers().between(0, maxBytes), Arbitraries.longs())
                .as(PackageSpec.PartSpec::new);
    }

    /**
     * Packages from 礼泉县 (whose certificate the fixtures hold): 1 to {@code maxParts} parts of
     * up to {@code maxBytes} bytes each, the first one the 正文 (OFD or PDF).
     */
    public static Arbitrary<PackageSpec> packageSpecs(int maxParts, int maxBytes) {
        Arbitrary<List<PackageSpec.PartSpec>> parts = partSpecs(maxBytes).list().ofMinSize(1).ofMaxSize(maxParts)
                .uniqueElements(p -> PartNames.collisionKey(p.name()));
        Arbitrary<String> bodyType = Arbitraries.of("application/ofd", "application/pdf");
        return Combinators.combine(headers(Fixtures.LIQUAN), unclassifiedMetadata(), parts, bodyType)
                .as((h, m, p, type) -> {
                    List<PackageSpec.PartSpec> list = new ArrayList<>(p);
                    PackageSpec.PartSpec first = list.get(0);
                    list.set(0, new PackageSpec.PartSpec(first.name(), type, first.size(), first.seed()));
                    return new PackageSpec(h, m, list);
                });
    }

    // ---- mutations --------------------------------------------------------------------

    /**
     * One to {@code max} mutations of bytes (see {@link Mutation}); half of the time a single
     * change of a text or attribute value, which gets past the XML parser more often.
     */
    public static Arbitrary<List<Mutation>> mutations(int max) {
        return Arbitraries.oneOf(Mutation.arbitrary().list().ofMinSize(1).ofMaxSize(max), Mutation.inValues().map(List::of));
    }

    private static String join(List<String> tokens) {
        return String.join("", tokens);
    }
}
