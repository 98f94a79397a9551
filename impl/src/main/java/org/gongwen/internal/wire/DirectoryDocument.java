package org.gongwen.internal.wire;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.Certificates;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The directory document of T-9. Stateless. */
public final class DirectoryDocument {
    private DirectoryDocument() {
    }

    /** The document's bytes. */
    public static byte[] write(List<DirectoryEntry> entries) throws GongwenException {
        Document doc = WireXml.newDocument("Directory");
        Element root = doc.getDocumentElement();
        for (DirectoryEntry e : entries) {
            Element x = WireXml.add(root, "Organisation", null);
            WireXml.add(x, "Code", e.organisation().value());
            WireXml.add(x, "Name", e.name());
            WireXml.add(x, "HomeNode", e.homeNode().value());
            StringBuilder accepts = new StringBuilder();
            for (SignatureProfile p : SignatureProfile.values()) {
                if (e.accepts().contains(p)) {
                    accepts.append(accepts.length() == 0 ? "" : " ").append(p.name());
                }
            }
            WireXml.add(x, "Accepts", accepts.toString());
            for (X509Certificate c : e.certificates()) {
                try {
                    WireXml.add(x, "Certificate", Base64.getEncoder().encodeToString(c.getEncoded()));
                } catch (CertificateEncodingException ex) {
                    throw new GongwenException(ErrorCode.LOCAL_KEY, "cannot encode a directory certificate", ex);
                }
            }
        }
        return WireXml.bytes(doc);
    }

    /** Reads a directory. */
    public static List<DirectoryEntry> read(byte[] xml) throws GongwenException {
        Document doc = WireXml.parse(xml, Binding.MAX_DIRECTORY_BYTES, "Directory");
        List<DirectoryEntry> out = new ArrayList<>();
        for (Element x : WireXml.children(doc.getDocumentElement(), "Organisation")) {
            try {
                Set<SignatureProfile> accepts = EnumSet.noneOf(SignatureProfile.class);
                for (String p : WireXml.text(x, "Accepts").trim().split("\\s+")) {
                    accepts.add(SignatureProfile.valueOf(p));
                }
                List<byte[]> ders = new ArrayList<>();
                for (Element c : WireXml.children(x, "Certificate")) {
                    ders.add(Base64.getMimeDecoder().decode(c.getTextContent()));
                }
                out.add(new DirectoryEntry(OrgCode.of(WireXml.text(x, "Code")), WireXml.text(x, "Name"),
                        NodeId.parse(WireXml.text(x, "HomeNode")), accepts, ders.isEmpty() ? List.of() : Certificates.parse(ders)));
            } catch (IllegalArgumentException e) {
                throw new GongwenException(ErrorCode.INVALID_VALUE, "directory entry: " + e.getMessage());
            }
        }
        return out;
    }
}
