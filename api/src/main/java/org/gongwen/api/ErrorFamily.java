package org.gongwen.api;

/**
 * The families of {@link ErrorCode}s. A caller can act on the family (for example "any
 * {@link #TRUST} failure goes to the security officer") and a conformance tester can check
 * it. The prefix of every code names its family.
 */
public enum ErrorFamily {
    /** Malformed XML: not well-formed, wrong encoding. */
    XML("XML"),
    /** Forbidden XML constructs: DTD, entities, XInclude, comments, processing instructions. */
    XML_FORBIDDEN("XFB"),
    /** A configured limit was exceeded: size, depth, count. */
    LIMIT("LIM"),
    /** The envelope does not follow the schema or the value rules of the standard. */
    SCHEMA("SCH"),
    /** The package (ZIP) structure: entries, names, order, sizes, compression. */
    PACKAGE("PKG"),
    /** A digest does not match: a part, or the envelope under the signature. */
    DIGEST("DIG"),
    /** The signature is missing, has the wrong shape, or its value does not verify. */
    SIGNATURE("SIG"),
    /** An algorithm or key that the standard or the caller's policy does not allow. */
    ALGORITHM("ALG"),
    /** Trust: certificate path, validity, revocation, key usage, binding to the sender. */
    TRUST("TRU"),
    /** Policy: classified documents, expired messages. */
    POLICY("POL"),
    /** Message identity: duplicate or conflicting message ids. */
    MESSAGE("MSG"),
    /** Routing: unknown recipient, unreachable node. */
    ROUTING("RTE"),
    /** Authorisation: the caller may not do this. */
    AUTH("AUT"),
    /** Transport: the exchange over the network failed. */
    TRANSPORT("TRN"),
    /** Local input and output, and invalid arguments from the calling application. */
    LOCAL("LOC");

    private final String prefix;

    ErrorFamily(String prefix) {
        this.prefix = prefix;
    }

    /** The three-letter prefix that every code of this family starts with. */
    public String prefix() {
        return prefix;
    }
}
