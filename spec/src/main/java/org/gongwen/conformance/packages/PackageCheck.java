package org.gongwen.conformance.packages;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.gongwen.api.GongwenException;
import org.gongwen.api.pkg.PackageVerifier;

/**
 * The outcome of verifying one package file, compared with its vector's expectation when there
 * is one. A package without an expectation passes when it is valid. Immutable.
 */
public final class PackageCheck {
    private final String file;
    private final Verdict verdict;
    private final String code;
    private final String message;
    private final PackageVector expected;
    private final boolean missing;
    private final boolean unlisted;

    private PackageCheck(String file, Verdict verdict, String code, String message, PackageVector expected, boolean missing,
            boolean unlisted) {
        this.file = file;
        this.verdict = verdict;
        this.code = code;
        this.message = message;
        this.expected = expected;
        this.missing = missing;
        this.unlisted = unlisted;
    }

    /**
     * Verifies a package file completely (streaming every part through its digest) and records
     * the verdict. A runtime exception from the verifier is recorded as a failure, never thrown.
     *
     * @param name the file's name in reports (its path relative to the folder checked)
     * @param expected the vector's expectation, or null
     */
    public static PackageCheck verify(PackageVerifier verifier, Path file, String name, PackageVector expected) {
        try {
            verifier.verify(file);
            return new PackageCheck(name, Verdict.VALID, null, null, expected, false, false);
        } catch (GongwenException e) {
            return new PackageCheck(name, Verdict.REFUSED, e.code().code(), e.getMessage(), expected, false, false);
        } catch (RuntimeException e) {
            return new PackageCheck(name, null, null, "the verifier threw " + e, expected, false, false);
        }
    }

    /** A vector of the index whose file is not in the folder. */
    public static PackageCheck missing(PackageVector expected) {
        return new PackageCheck(expected.file(), null, null, "the file is missing", Objects.requireNonNull(expected), true, false);
    }

    /** The same check for a package that an index was given for but does not list: it fails. */
    public static PackageCheck unlisted(PackageCheck c) {
        return new PackageCheck(c.file, c.verdict, c.code, c.message, null, false, true);
    }

    /** Whether the package met its expectation (or, without one, is valid). */
    public boolean passed() {
        if (missing || unlisted || verdict == null) {
            return false;
        }
        if (expected == null) {
            return verdict == Verdict.VALID;
        }
        return expected.verdict() == verdict && expected.code().equals(Optional.ofNullable(code));
    }

    /** The file, relative to the folder checked. */
    public String file() {
        return file;
    }

    /** The verdict reached, empty if the file is missing or the verifier failed. */
    public Optional<Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** The error code of a refusal. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The verifier's message for a refusal, or why there is no verdict. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The expectation compared with, if any. */
    public Optional<PackageVector> expected() {
        return Optional.ofNullable(expected);
    }

    /**
     * The report line: {@code PASS|FAIL <file> <verdict> <code>}, with {@code -} for no code,
     * followed by {@code expected <verdict> [<code>]} when the check failed against an
     * expectation, and by the reason when there is no verdict.
     */
    public String line() {
        StringBuilder b = new StringBuilder(passed() ? "PASS " : "FAIL ").append(file).append(' ');
        if (missing) {
            b.append("missing -");
        } else if (verdict == null) {
            b.append("error -");
        } else {
            b.append(verdict.text()).append(' ').append(code == null ? "-" : code);
        }
        if (expected != null && !passed()) {
            b.append(" expected ").append(expected.expectation());
        }
        if (unlisted) {
            b.append(" (not in the index)");
        }
        if (verdict == null && message != null && !missing) {
            b.append(" (").append(message).append(')');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return line();
    }
}
