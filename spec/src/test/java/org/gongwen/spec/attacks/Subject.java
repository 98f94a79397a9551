package org.gongwen.spec.attacks;

import org.gongwen.api.envelope.PartNames;
import org.gongwen.internal.pkg.RawPackage;

/**
 * The package being mutated by one case under one profile: its entries while entry and
 * envelope operators run, its bytes once a byte operator has run. An entry operator after a
 * byte operator is a mistake in the vector and is reported as one.
 */
final class Subject {
    final CaseContext ctx;
    private final RawPackage pkg;
    private byte[] bytes;

    Subject(CaseContext ctx, RawPackage pkg) {
        this.ctx = ctx;
        this.pkg = pkg;
    }

    /** The entries; only before any byte operator. */
    RawPackage pkg() {
        if (bytes != null) {
            throw new IllegalStateException("an entry or envelope operator cannot follow a byte operator");
        }
        return pkg;
    }

    /** The envelope entry's bytes. */
    byte[] envelope() {
        return pkg().entry(PartNames.ENVELOPE).data;
    }

    /** Replaces the envelope entry's bytes. */
    void envelope(byte[] xml) {
        pkg().entry(PartNames.ENVELOPE).data = xml;
    }

    /** The package bytes: the entries written in the layout, or what a byte operator made. */
    byte[] bytes() {
        return bytes != null ? bytes : pkg.toBytes();
    }

    /** Replaces the package bytes; from now on only byte operators may run. */
    void bytes(byte[] b) {
        bytes = b;
    }
}
