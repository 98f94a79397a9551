package org.gongwen.cli;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartRole;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.UnverifiedPackage;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SignerInfo;
import org.gongwen.cli.report.Report;
import org.gongwen.internal.crypto.Algorithms;

/** What {@code gongwen inspect} shows about a package: header, metadata, manifest and signer. */
final class PackageReport {
    static final String VERIFIED = "VERIFIED";
    static final String NOT_VERIFIED = "NOT_VERIFIED";
    private static final HexFormat HEX = HexFormat.of();

    private PackageReport() {
    }

    /** The report of a package that passed verification. */
    static Report verified(Path file, long size, VerifiedPackage v) {
        Report r = start(file, size, VERIFIED,
                "VERIFIED: signature, certificate path, binding to the sender and every part's digest were checked", v.envelope());
        SignerInfo s = v.signer();
        Report signer = new Report()
                .text("profile", "签名算法", s.profile().name())
                .text("organisation", "机构代码", s.organisation().value());
        certificate(signer, s.certificate());
        signer.list("path", "证书路径", s.path().stream().map(CertificateNames::subject).collect(Collectors.toList()));
        return r.section("signer", "签名者", signer);
    }

    /** The report of a package read without verification; it says so in its status and signer label. */
    static Report unverified(Path file, long size, UnverifiedPackage u) {
        Report r = start(file, size, NOT_VERIFIED,
                "NOT VERIFIED: signature, trust and parts were NOT checked; do not act on this content (verify with --trust)",
                u.envelope());
        String method = u.signatureMethod();
        Optional<SignatureProfile> profile = method == null ? Optional.empty() : Algorithms.profileOf(method);
        Report signer = new Report()
                .text("signatureMethod", "签名方法", method)
                .text("profile", "签名算法", profile.map(Enum::name).orElse(null));
        List<X509Certificate> certs = u.claimedCertificates();
        if (!certs.isEmpty()) {
            certificate(signer, certs.get(0));
        }
        signer.list("certificates", "携带的证书", certs.stream().map(CertificateNames::subject).collect(Collectors.toList()));
        return r.section("claimedSigner", "声称的签名者（未验证）", signer);
    }

    private static Report start(Path file, long size, String status, String statusText, Envelope env) {
        return new Report()
                .text("status", "状态", statusText, status)
                .text("file", "文件", file.toString())
                .number("size", "大小", size, "字节")
                .section("header", "消息头", header(env.header()))
                .section("metadata", "公文元数据", metadata(env.metadata()))
                .section("manifest", "清单", manifest(env));
    }

    private static Report header(Header h) {
        return new Report()
                .text("messageId", "消息标识", h.messageId().toString())
                .text("conversationId", "会话标识", h.conversationId().toString())
                .text("refToMessageId", "引用消息", h.refToMessageId().map(Object::toString).orElse(null))
                .text("messageType", "消息类型", label(h.messageType()) + " (" + h.messageType().name() + ")", h.messageType().name())
                .text("created", "创建时间", h.created().toString())
                .text("expires", "失效时间", h.expires().map(Object::toString).orElse(null))
                .text("sender", "发送机关", h.sender().value())
                .list("to", "主送", codes(h.to()))
                .list("cc", "抄送", codes(h.cc()))
                .text("urgency", "紧急程度", h.urgency().map(Urgency::label).orElse(null), h.urgency().map(Enum::name).orElse(null));
    }

    private static Report metadata(DocumentMetadata m) {
        return new Report()
                .text("documentId", "公文标识", m.documentId().map(Object::toString).orElse(null))
                .text("kind", "文种", m.kind().label(), m.kind().name())
                .text("copyNumber", "份号", m.copyNumber().orElse(null))
                .text("classification", "密级和保密期限", m.classification().map(Object::toString).orElse(null))
                .text("urgency", "紧急程度", m.urgency().map(Urgency::label).orElse(null), m.urgency().map(Enum::name).orElse(null))
                .text("issuerMark", "发文机关标志", m.issuerMark())
                .text("documentNumber", "发文字号", m.documentNumber().map(Object::toString).orElse(null))
                .list("signatories", "签发人", m.signatories())
                .text("title", "标题", m.title())
                .text("principalRecipients", "主送机关", m.principalRecipients().orElse(null))
                .list("attachmentNotes", "附件说明", m.attachmentNotes())
                .text("issuingAuthority", "发文机关署名", m.issuingAuthority())
                .text("dateOfWriting", "成文日期", m.dateOfWriting().toString())
                .text("annotation", "附注", m.annotation().orElse(null))
                .text("copyTo", "抄送机关", m.copyTo().orElse(null))
                .text("printingAuthority", "印发机关", m.printingAuthority().orElse(null))
                .text("printingDate", "印发日期", m.printingDate().map(LocalDate::toString).orElse(null))
                .text("releaseLevel", "发布层次", m.releaseLevel().orElse(null));
    }

    private static Report manifest(Envelope env) {
        List<Report> parts = new ArrayList<>();
        for (Part p : env.manifest().parts()) {
            parts.add(new Report()
                    .text("name", "名称", p.name())
                    .text("role", "类型", p.role() == PartRole.BODY ? "正文" : "附件", p.role().name())
                    .text("mediaType", "媒体类型", p.mediaType())
                    .number("size", "大小", p.size(), "字节")
                    .text("digest", "摘要", HEX.formatHex(p.digest())));
        }
        return new Report()
                .text("digestAlgorithm", "摘要算法", env.manifest().digestAlgorithm().name())
                .number("totalSize", "部件总大小", env.manifest().totalSize(), "字节")
                .sections("parts", "部件", parts);
    }

    private static void certificate(Report r, X509Certificate c) {
        r.text("subject", "证书主体", CertificateNames.subject(c))
                .text("issuer", "证书签发者", CertificateNames.issuer(c))
                .text("serialNumber", "证书序列号", c.getSerialNumber().toString(16))
                .text("notBefore", "有效期起", c.getNotBefore().toInstant().toString())
                .text("notAfter", "有效期止", c.getNotAfter().toInstant().toString())
                .text("sha256Fingerprint", "证书指纹 (SHA-256)", fingerprint(c));
    }

    private static String fingerprint(X509Certificate c) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null;
        }
    }

    private static List<String> codes(List<OrgCode> codes) {
        return codes.stream().map(OrgCode::value).collect(Collectors.toList());
    }

    private static String label(MessageType t) {
        switch (t) {
            case DOCUMENT: return "公文";
            case RECEIPT: return "回执";
            case RETURN: return "退文";
            case WITHDRAWAL: return "撤销";
            case REMINDER: return "催办";
            case REPLY: return "答复";
            default: return t.name();
        }
    }
}
