package org.gongwen.internal.envelope;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
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
import org.gongwen.internal.crypto.Algorithms;
import org.gongwen.internal.xml.Pool;
import org.gongwen.internal.xml.SecureXml;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Maps {@link Envelope} values to and from the XML of the standard, through JAXB, validating
 * against the schema on the way in. Thread-safe.
 */
public final class EnvelopeCodec {
    /** The schema resource, copied from spec/xsd at build time. */
    public static final String SCHEMA_RESOURCE = "gongwen-exchange-1.0.xsd";
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private static final class Holder {
        static final JAXBContext CONTEXT = newContext();
        static final Schema SCHEMA = newSchema();
        static final Pool<Marshaller> MARSHALLERS = new Pool<>(EnvelopeCodec::newMarshaller, m -> { });
    }

    private static Unmarshaller newUnmarshaller() {
        try {
            Unmarshaller u = Holder.CONTEXT.createUnmarshaller();
            u.setSchema(Holder.SCHEMA);
            return u;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create an envelope reader", e);
        }
    }

    private static Marshaller newMarshaller() {
        try {
            Marshaller m = Holder.CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            return m;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create an envelope writer", e);
        }
    }

    private EnvelopeCodec() {
    }

    private static JAXBContext newContext() {
        try {
            return JAXBContext.newInstance(EnvelopeXml.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create the envelope binding", e);
        }
    }

    private static Schema newSchema() {
        try (InputStream in = EnvelopeCodec.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + SCHEMA_RESOURCE + " missing from the class path");
            }
            SchemaFactory f = SchemaFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(new StreamSource(in));
        } catch (SAXException | java.io.IOException e) {
            throw new IllegalStateException("cannot load the envelope schema", e);
        }
    }

    /** The compiled envelope schema. */
    public static Schema schema() {
        return Holder.SCHEMA;
    }

    /** Writes an envelope (without signature) as a new DOM document. */
    public static Document toDocument(Envelope env) {
        Marshaller m = Holder.MARSHALLERS.take();
        try {
            Document doc = SecureXml.newDocument();
            m.marshal(toXml(env), new DOMResult(doc));
            return doc;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write the envelope", e);
        } finally {
            Holder.MARSHALLERS.give(m);
        }
    }

    /**
     * Reads an envelope from a parsed document: schema validation, version, then the value
     * rules. A {@code ds:Signature} as last child of the root is allowed and ignored here.
     *
     * @throws GongwenException {@code SCH-001} schema, {@code SCH-002} version, {@code PKG-007} a part name
     *     that is not allowed, {@code PKG-005} a part name listed twice, {@code SCH-003} another value rule
     */
    public static Envelope fromDocument(Document doc) throws GongwenException {
        preCheck(doc);
        EnvelopeXml x;
        // a new unmarshaller per call: a pooled one would keep the last document reachable
        Unmarshaller u = newUnmarshaller();
        try {
            Object o = u.unmarshal(doc);
            if (!(o instanceof EnvelopeXml)) {
                throw new GongwenException(ErrorCode.SCHEMA_VIOLATION, "the root element is not Envelope");
            }
            x = (EnvelopeXml) o;
        } catch (UnmarshalException e) {
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
            throw new GongwenException(ErrorCode.SCHEMA_VIOLATION, "schema: " + cause.getMessage());
        } catch (JAXBException e) {
            throw new GongwenException(ErrorCode.SCHEMA_VIOLATION, "schema: " + e.getMessage());
        }
        Set<String> names = new HashSet<>();
        for (ManifestXml.PartXml px : x.manifest.parts) {
            String problem = PartNames.problem(px.name);
            if (problem != null) {
                throw new GongwenException(ErrorCode.PACKAGE_ENTRY_NAME, "manifest part name not allowed: " + problem);
            }
            if (!names.add(PartNames.collisionKey(px.name))) {
                throw new GongwenException(ErrorCode.PACKAGE_ENTRY_DUPLICATE, "the manifest names part '" + px.name + "' twice (letter case ignored)");
            }
        }
        try {
            return fromXml(x);
        } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
            throw new GongwenException(ErrorCode.INVALID_VALUE, e.getMessage());
        }
    }

    /**
     * The checks that come before the schema: the version (so that a later version is named as
     * such, not as a schema violation) and the recipient and part counts (a limit, not a
     * schema violation).
     */
    private static void preCheck(Document doc) throws GongwenException {
        org.w3c.dom.Element root = doc.getDocumentElement();
        if (Namespaces.ENVELOPE.equals(root.getNamespaceURI()) && "Envelope".equals(root.getLocalName())
                && root.getAttributeNS(null, "version").matches("[0-9]{1,3}\\.[0-9]{1,3}")
                && !Envelope.VERSION.equals(root.getAttributeNS(null, "version"))) {
            throw new GongwenException(ErrorCode.SCHEMA_VERSION, "envelope version " + root.getAttributeNS(null, "version")
                    + " is not supported; this SDK reads " + Envelope.VERSION);
        }
        int recipients = doc.getElementsByTagNameNS(Namespaces.ENVELOPE, "To").getLength()
                + doc.getElementsByTagNameNS(Namespaces.ENVELOPE, "Cc").getLength();
        if (recipients > Header.MAX_RECIPIENTS) {
            throw new GongwenException(ErrorCode.LIMIT_COUNT, recipients + " recipients; the limit is " + Header.MAX_RECIPIENTS);
        }
        int parts = doc.getElementsByTagNameNS(Namespaces.ENVELOPE, "Part").getLength();
        if (parts > Manifest.MAX_PARTS) {
            throw new GongwenException(ErrorCode.LIMIT_COUNT, parts + " parts; the limit is " + Manifest.MAX_PARTS);
        }
    }

    static String time(Instant t) {
        return UTC_MILLIS.format(t);
    }

    private static EnvelopeXml toXml(Envelope env) {
        EnvelopeXml x = new EnvelopeXml();
        x.version = Envelope.VERSION;
        Header h = env.header();
        HeaderXml hx = new HeaderXml();
        hx.messageId = h.messageId().toString();
        hx.conversationId = h.conversationId().toString();
        hx.refToMessageId = h.refToMessageId().map(UUID::toString).orElse(null);
        hx.created = time(h.created());
        hx.expires = h.expires().map(EnvelopeCodec::time).orElse(null);
        hx.sender = h.sender().value();
        h.to().forEach(c -> hx.to.add(c.value()));
        h.cc().forEach(c -> hx.cc.add(c.value()));
        hx.messageType = h.messageType().name();
        hx.urgency = h.urgency().map(Urgency::name).orElse(null);
        x.header = hx;

        DocumentMetadata m = env.metadata();
        DocumentXml d = new DocumentXml();
        d.kind = m.kind().name();
        d.documentId = m.documentId().map(DocumentId::value).orElse(null);
        d.copyNumber = m.copyNumber().orElse(null);
        m.classification().ifPresent(c -> {
            d.classification = new DocumentXml.ClassificationXml();
            d.classification.level = c.level().name();
            d.classification.period = c.period().orElse(null);
        });
        d.urgency = m.urgency().map(Urgency::name).orElse(null);
        d.issuerMark = m.issuerMark();
        d.documentNumber = m.documentNumber().map(DocumentNumber::toString).orElse(null);
        d.signatories.addAll(m.signatories());
        d.title = m.title();
        d.principalRecipients = m.principalRecipients().orElse(null);
        d.attachmentNotes.addAll(m.attachmentNotes());
        d.issuingAuthority = m.issuingAuthority();
        d.dateOfWriting = m.dateOfWriting().toString();
        d.annotation = m.annotation().orElse(null);
        d.copyTo = m.copyTo().orElse(null);
        d.printingAuthority = m.printingAuthority().orElse(null);
        d.printingDate = m.printingDate().map(LocalDate::toString).orElse(null);
        d.releaseLevel = m.releaseLevel().orElse(null);
        x.document = d;

        ManifestXml mx = new ManifestXml();
        mx.digestAlgorithm = Algorithms.digestMethod(env.manifest().digestAlgorithm());
        for (Part p : env.manifest().parts()) {
            ManifestXml.PartXml px = new ManifestXml.PartXml();
            px.name = p.name();
            px.role = p.role().name();
            px.mediaType = p.mediaType();
            px.size = p.size();
            px.digest = p.digest();
            mx.parts.add(px);
        }
        x.manifest = mx;
        return x;
    }

    private static Envelope fromXml(EnvelopeXml x) {
        HeaderXml hx = x.header;
        Header.Builder hb = Header.builder()
                .messageId(UUID.fromString(hx.messageId))
                .conversationId(UUID.fromString(hx.conversationId))
                .refToMessageId(hx.refToMessageId == null ? null : UUID.fromString(hx.refToMessageId))
                .created(Instant.parse(hx.created))
                .expires(hx.expires == null ? null : Instant.parse(hx.expires))
                .sender(OrgCode.of(hx.sender))
                .messageType(MessageType.valueOf(hx.messageType))
                .urgency(hx.urgency == null ? null : Urgency.valueOf(hx.urgency));
        hx.to.forEach(c -> hb.to(OrgCode.of(c)));
        hx.cc.forEach(c -> hb.cc(OrgCode.of(c)));

        DocumentXml d = x.document;
        DocumentMetadata.Builder mb = DocumentMetadata.builder()
                .kind(DocumentKind.valueOf(d.kind))
                .documentId(d.documentId == null ? null : DocumentId.of(d.documentId))
                .copyNumber(d.copyNumber)
                .classification(d.classification == null ? null
                        : Classification.of(SecurityLevel.valueOf(d.classification.level), d.classification.period))
                .urgency(d.urgency == null ? null : Urgency.valueOf(d.urgency))
                .issuerMark(d.issuerMark)
                .documentNumber(d.documentNumber == null ? null : DocumentNumber.parse(d.documentNumber))
                .title(d.title)
                .principalRecipients(d.principalRecipients)
                .issuingAuthority(d.issuingAuthority)
                .dateOfWriting(LocalDate.parse(d.dateOfWriting))
                .annotation(d.annotation)
                .copyTo(d.copyTo)
                .printingAuthority(d.printingAuthority)
                .printingDate(d.printingDate == null ? null : LocalDate.parse(d.printingDate))
                .releaseLevel(d.releaseLevel);
        d.signatories.forEach(mb::signatory);
        d.attachmentNotes.forEach(mb::attachmentNote);

        ManifestXml mx = x.manifest;
        // xs:anyURI collapses white space, so the schema lets " urn:gongwen:xmldsig:sm3 " through
        String uri = mx.digestAlgorithm.trim();
        DigestAlgorithm alg;
        if (uri.equals(Algorithms.SM3)) {
            alg = DigestAlgorithm.SM3;
        } else if (uri.equals(Algorithms.SHA256)) {
            alg = DigestAlgorithm.SHA256;
        } else {
            throw new IllegalArgumentException("unknown manifest digest algorithm " + uri);
        }
        List<Part> parts = new ArrayList<>();
        for (ManifestXml.PartXml px : mx.parts) {
            parts.add(new Part(px.name, PartRole.valueOf(px.role), px.mediaType, px.size, px.digest));
        }
        return new Envelope(hb.build(), mb.build(), new Manifest(alg, parts));
    }
}
