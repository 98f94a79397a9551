package org.gongwen.api.exchange;

import java.nio.file.Path;
import java.util.Objects;
import org.gongwen.api.pkg.VerifiedPackage;

/**
 * A message fetched from the mailbox and verified: the package file on disk (the exact bytes
 * the sender signed) and its verified content. Immutable.
 */
public final class ReceivedMessage {
    private final MailboxEntry entry;
    private final Path packageFile;
    private final VerifiedPackage verified;

    /** Created by the SDK after verification. */
    public ReceivedMessage(MailboxEntry entry, Path packageFile, VerifiedPackage verified) {
        this.entry = Objects.requireNonNull(entry);
        this.packageFile = Objects.requireNonNull(packageFile);
        this.verified = Objects.requireNonNull(verified);
    }

    /** The mailbox entry it came from. */
    public MailboxEntry entry() { return entry; }

    /** The package file, kept where the caller asked. */
    public Path packageFile() { return packageFile; }

    /** The verified package. */
    public VerifiedPackage verified() { return verified; }

    @Override
    public String toString() {
        return "ReceivedMessage{" + entry + " at " + packageFile.getFileName() + "}";
    }
}
