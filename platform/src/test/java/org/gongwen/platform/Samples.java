package org.gongwen.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.wire.ReceiptDraft;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.testing.Fixtures;

/** Signed packages and receipts for the node tests. */
final class Samples {
    static final Gongwen GW = Gongwen.load();

    private Samples() {
    }

    /** A signed package from {@code sender} to the primary and copy recipients, with a body of {@code size} bytes. */
    static Path pkg(Path dir, DevPlatform dev, OrgCode sender, List<OrgCode> to, List<OrgCode> cc, long size) throws Exception {
        return pkg(dir, dev.signingIdentity(sender), Header.builder().sender(sender).to(to.toArray(new OrgCode[0]))
                .cc(cc.toArray(new OrgCode[0])).build(), size);
    }

    static Path pkg(Path dir, SigningIdentity signer, Header header, long size) throws Exception {
        Path work = Files.createTempDirectory(dir, "pkg");
        Path body = Fixtures.file(work, "正文.pdf", size, header.messageId().getLeastSignificantBits());
        Path out = work.resolve(header.messageId() + ".gwpkg");
        GW.newPackage().header(header).metadata(Fixtures.metadata()).body(body).signWith(signer).writeTo(out);
        return out;
    }

    static VerifiedPackage verify(DevPlatform dev, Path pkg) throws GongwenException {
        return GW.verifier(dev.trustPolicy()).verify(pkg);
    }

    static UUID id(VerifiedPackage v) {
        return v.envelope().header().messageId();
    }

    /** A recipient's signed receipt for a verified message. */
    static byte[] receipt(DevPlatform dev, OrgCode issuer, ReceiptType type, VerifiedPackage v, Consumer<ReceiptDraft> extra)
            throws GongwenException {
        ReceiptDraft d = new ReceiptDraft(type, issuer.value(), v.envelope().header().sender(), id(v),
                v.signer().profile().digestAlgorithm(), Receipts.signatureDigest(v.signer().profile(), v.signatureValue())).recipient(issuer);
        extra.accept(d);
        return Receipts.sign(d, dev.signingIdentity(issuer));
    }

    static byte[] receipt(DevPlatform dev, OrgCode issuer, ReceiptType type, VerifiedPackage v) throws GongwenException {
        return receipt(dev, issuer, type, v, d -> {
            if (type == ReceiptType.SIGNED_FOR) {
                d.signedBy("办公室 王文书");
            } else if (type == ReceiptType.RETURNED) {
                d.reason("请补充附件");
            } else if (type == ReceiptType.REJECTED) {
                d.errorCode("SIG-003");
            }
        });
    }
}
