package org.gongwen.cli;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Readable certificate names. The JDK prints the organizationIdentifier attribute (2.5.4.97)
 * as a hex string; Bouncy Castle's style names it.
 */
final class CertificateNames {
    private CertificateNames() {
    }

    /** The subject, for example {@code C=CN,O=礼泉县人民政府办公室,organizationIdentifier=116104250162020100,CN=...}. */
    static String subject(X509Certificate cert) {
        return X500Name.getInstance(BCStyle.INSTANCE, cert.getSubjectX500Principal().getEncoded()).toString();
    }

    /** The issuer, in the same form as {@link #subject}. */
    static String issuer(X509Certificate cert) {
        return X500Name.getInstance(BCStyle.INSTANCE, cert.getIssuerX500Principal().getEncoded()).toString();
    }

    /** The subject's organisation name (O), if it has exactly one. */
    static Optional<String> organisationName(X509Certificate cert) {
        RDN[] rdns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.O);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return Optional.empty();
        }
        ASN1Encodable v = rdns[0].getFirst().getValue();
        String name = v instanceof ASN1String ? ((ASN1String) v).getString() : v.toString();
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }
}
