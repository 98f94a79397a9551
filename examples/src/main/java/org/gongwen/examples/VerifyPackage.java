package org.gongwen.examples;

import java.nio.file.Path;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.trust.TrustPolicy;

/**
 * The README's "Receive and verify", as a runnable main:
 * {@code VerifyPackage CA.pem CRL.pem PACKAGE.gwpkg OUT-DIR}. Exit status 0 when valid, 1 with
 * the error code when refused.
 */
public final class VerifyPackage {
    private VerifyPackage() {
    }

    public static void main(String[] args) throws GongwenException {
        if (args.length != 4) {
            System.err.println("usage: VerifyPackage CA.pem CRL.pem PACKAGE.gwpkg OUT-DIR");
            System.exit(2);
        }
        try {
            VerifiedPackage pkg = verify(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            System.out.println("verified: " + pkg.envelope().metadata().title() + " from " + pkg.signer().organisation());
        } catch (GongwenException e) {
            System.err.println("refused " + e.code().code() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    static VerifiedPackage verify(Path ca, Path crl, Path packageFile, Path outDir) throws GongwenException {
        Gongwen gongwen = Gongwen.load();
        TrustPolicy trust = TrustPolicy.builder()
                .trustAnchors(gongwen.keys().readCertificates(ca))
                .crls(gongwen.keys().readCrls(crl))     // optional: revocation
                .build();
        PackageVerifier verifier = gongwen.verifier(trust);             // thread-safe, reusable

        VerifiedPackage pkg = verifier.extract(packageFile, outDir);
        OrgCode from = pkg.signer().organisation();                 // bound to the header's sender
        if (!from.equals(pkg.envelope().header().sender())) {
            throw new AssertionError("the verifier guarantees this");
        }
        return pkg;
    }
}
