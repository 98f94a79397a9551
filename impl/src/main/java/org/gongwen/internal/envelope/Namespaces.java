package org.gongwen.internal.envelope;

/** Namespace URIs of the standard. */
public final class Namespaces {
    /** The envelope namespace. */
    public static final String ENVELOPE = "urn:gongwen:exchange:1.0";
    /** The XML Signature namespace. */
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private Namespaces() {
    }
}
