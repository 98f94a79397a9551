package org.gongwen.api.pkg;

import java.nio.file.Path;
import java.time.Instant;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SigningIdentity;

/**
 * Writes one lifecycle package about a document its sender sent earlier (spec/lifecycle.md): a
 * 撤销 ({@code WITHDRAWAL}) or a 催办 ({@code REMINDER}). Get one from
 * {@link org.gongwen.api.Gongwen#withdrawal} or {@link org.gongwen.api.Gongwen#reminder}. The
 * package is an ordinary signed package, so it can be kept in an outbox and sent like any other
 * ({@link org.gongwen.api.exchange.ExchangeClient#send}): its header names the original in
 * {@code RefToMessageId}, carries the original's {@code ConversationId}, and its 正文 is a short
 * {@code text/plain} part holding the reason or remark, which the document metadata repeats as
 * 附注. A builder is for one package and is not thread-safe.
 *
 * <pre>{@code
 * gongwen.withdrawal(original, "发文有误，撤回重发")
 *     .issuer("礼泉县人民政府办公室")
 *     .signWith(identity)
 *     .writeTo(Path.of("withdrawal.gwpkg"));
 * }</pre>
 */
public interface LifecycleBuilder {
    /**
     * Limits the package to these recipients of the original (default: every recipient of the
     * original, 主送 and 抄送 as there).
     */
    LifecycleBuilder recipients(OrgCode... recipients);

    /**
     * Sets the name printed as 发文机关标志 and 发文机关署名 (default: the sender's
     * 统一社会信用代码).
     */
    LifecycleBuilder issuer(String name);

    /** Sets the title (标题; default 撤销通知 or 催办通知). */
    LifecycleBuilder title(String title);

    /** Sets the expiry of the lifecycle message itself (default: none). */
    LifecycleBuilder expires(Instant expires);

    /** Sets the identity to sign with; its certificate must name the original's sender. */
    LifecycleBuilder signWith(SigningIdentity identity);

    /**
     * Writes the signed package; the file appears complete or not at all.
     *
     * @return the envelope as signed
     * @throws GongwenException {@code LOC-002} if a recipient is not one of the original's, the
     *     reason or remark is empty or longer than 2,000 characters, or no identity was given;
     *     {@code TRU-005} if the certificate is not the original sender's; {@code ALG-002} if the
     *     key does not fit its profile; {@code LOC-001} if the file cannot be written
     */
    Envelope writeTo(Path packageFile) throws GongwenException;
}
