package org.gongwen.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable error codes of Gongwen Exchange 1.0 (spec/errors.md). The {@link #code()} string
 * is the contract between implementations; the description is for people. Each code says
 * whether repeating the same operation unchanged can help ({@link #retryable()}).
 */
public enum ErrorCode {
    XML_MALFORMED("XML-001", false, "the XML is not well-formed"),
    XML_ENCODING("XML-002", false, "the XML is not UTF-8 or declares another encoding"),

    XML_DTD("XFB-001", false, "a DOCTYPE declaration or entity is present"),
    XML_COMMENT_OR_PI("XFB-002", false, "a comment or processing instruction is present"),
    XML_XINCLUDE("XFB-003", false, "an XInclude element is present"),

    LIMIT_SIZE("LIM-001", false, "a size limit was exceeded"),
    LIMIT_DEPTH("LIM-002", false, "the XML nesting depth limit was exceeded"),
    LIMIT_COUNT("LIM-003", false, "a count limit was exceeded (parts, recipients, certificates, attributes)"),
    LIMIT_TIME("LIM-004", true, "a time limit was exceeded"),

    SCHEMA_VIOLATION("SCH-001", false, "the envelope does not follow the schema"),
    SCHEMA_VERSION("SCH-002", false, "the envelope version is not supported"),
    INVALID_VALUE("SCH-003", false, "a value breaks a rule of the standard (identifier check character, syntax)"),

    PACKAGE_NOT_ZIP("PKG-001", false, "the package is not a ZIP file of the required layout"),
    PACKAGE_ENVELOPE_MISSING("PKG-002", false, "the first entry is not envelope.xml"),
    PACKAGE_ENTRY_MISSING("PKG-003", false, "a part listed in the manifest is missing"),
    PACKAGE_ENTRY_EXTRA("PKG-004", false, "an entry is not listed in the manifest"),
    PACKAGE_ENTRY_DUPLICATE("PKG-005", false, "an entry name occurs twice"),
    PACKAGE_ENTRY_ORDER("PKG-006", false, "the entries are not in manifest order"),
    PACKAGE_ENTRY_NAME("PKG-007", false, "an entry or part name is not allowed (paths, '..', control characters)"),
    PACKAGE_SIZE_MISMATCH("PKG-008", false, "an entry size differs from the manifest"),
    PACKAGE_COMPRESSION("PKG-009", false, "an entry is compressed, encrypted or uses an unsupported ZIP feature"),
    PACKAGE_LAYOUT("PKG-010", false, "a ZIP header, the central directory or the trailer differs from the required layout"),

    DIGEST_PART("DIG-001", false, "a part's digest differs from the manifest"),
    DIGEST_ENVELOPE("DIG-002", false, "the envelope's digest differs from the signed reference"),

    SIGNATURE_MISSING("SIG-001", false, "the envelope carries no signature"),
    SIGNATURE_PROFILE("SIG-002", false, "the signature does not have the shape the profile requires"),
    SIGNATURE_VALUE("SIG-003", false, "the signature value does not verify"),
    SIGNATURE_KEY_INFO("SIG-004", false, "the signature carries no usable signer certificate"),

    ALGORITHM_NOT_ALLOWED("ALG-001", false, "an algorithm is not allowed (by the standard or by the caller's policy)"),
    ALGORITHM_KEY("ALG-002", false, "the key does not fit the profile (type, curve, size)"),

    TRUST_PATH("TRU-001", false, "the signer certificate does not chain to a trust anchor"),
    TRUST_VALIDITY("TRU-002", false, "a certificate is not valid at the verification time"),
    TRUST_REVOKED("TRU-003", false, "a certificate is revoked"),
    TRUST_KEY_USAGE("TRU-004", false, "the signer certificate does not allow signing"),
    TRUST_SENDER_BINDING("TRU-005", false, "the signer certificate belongs to another organisation than the sender"),
    TRUST_REVOCATION_UNAVAILABLE("TRU-006", true, "revocation status is required but not available"),
    TRUST_POLICY("TRU-007", false, "the trust policy is missing or unusable"),

    CLASSIFIED_DOCUMENT("POL-001", false, "the document carries a security classification (密级) and may not be exchanged"),
    MESSAGE_EXPIRED("POL-002", false, "the message has expired"),

    MESSAGE_DUPLICATE("MSG-001", false, "the message id was already used with the same bytes"),
    MESSAGE_ID_CONFLICT("MSG-002", false, "the message id was already used with other bytes"),
    MESSAGE_UNKNOWN("MSG-003", false, "the message or mailbox entry is not known to this node"),
    RECEIPT_NOT_BOUND("MSG-004", false, "the receipt does not match the message it names (sender, id, signature digest, issuer)"),
    STATE_CONFLICT("MSG-005", false, "the step is not allowed in the message's current state (for example 签收 after 退文)"),

    ROUTING_UNKNOWN_RECIPIENT("RTE-001", false, "a recipient is not known"),
    ROUTING_UNREACHABLE("RTE-002", true, "the node for a recipient cannot be reached"),

    AUTH_UNAUTHENTICATED("AUT-001", false, "the caller is not authenticated"),
    AUTH_FORBIDDEN("AUT-002", false, "the caller may not do this"),

    TRANSPORT_RETRYABLE("TRN-001", true, "the exchange failed in a way a retry can mend"),
    TRANSPORT_FATAL("TRN-002", false, "the exchange failed in a way a retry cannot mend"),

    LOCAL_IO("LOC-001", true, "reading or writing a local file failed"),
    LOCAL_ARGUMENT("LOC-002", false, "the calling application passed an invalid argument"),
    LOCAL_KEY("LOC-003", false, "a key or certificate file could not be read");

    private static final Map<String, ErrorCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

    private final String code;
    private final boolean retryable;
    private final String description;

    ErrorCode(String code, boolean retryable, String description) {
        this.code = code;
        this.retryable = retryable;
        this.description = description;
    }

    /** The stable code, for example {@code "SIG-003"}. */
    public String code() {
        return code;
    }

    /** Whether repeating the same operation unchanged can succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** A short English description for people; not part of the contract. */
    public String description() {
        return description;
    }

    /** The family this code belongs to, derived from its prefix. */
    public ErrorFamily family() {
        String prefix = code.substring(0, 3);
        for (ErrorFamily f : ErrorFamily.values()) {
            if (f.prefix().equals(prefix)) {
                return f;
            }
        }
        throw new AssertionError("no family for " + code);
    }

    /** Looks a code up by its stable string, for example one read from an error document. */
    public static Optional<ErrorCode> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
