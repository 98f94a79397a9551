package org.gongwen.conformance.packages;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the vector index: a package file, the profile it was made for, the verdict a
 * conforming reader reaches, the error code of a refusal, the clause of the standard it tests,
 * and a one-line description. Immutable.
 */
public final class PackageVector {
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}-\\d{3}");
    private static final Pattern CLAUSE = Pattern.compile("[A-Z]-\\d+(\\.\\d+)?");

    private final String file;
    private final String profile;
    private final Verdict verdict;
    private final String code;
    private final String clause;
    private final String description;

    /**
     * @param file the package's path relative to the index folder, with {@code /} separators
     * @param code the error code of a refusal, or null for a valid package
     * @throws IllegalArgumentException if a value is malformed, or the code does not fit the verdict
     */
    public PackageVector(String file, String profile, Verdict verdict, String code, String clause, String description) {
        this.file = Objects.requireNonNull(file, "file");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.code = code;
        this.clause = Objects.requireNonNull(clause, "clause");
        this.description = Objects.requireNonNull(description, "description");
        if (file.isEmpty() || file.startsWith("/") || file.contains("\\") || file.contains("..") || !file.endsWith(".gwpkg")) {
            throw new IllegalArgumentException("file must be a relative path ending in .gwpkg: " + file);
        }
        if ((verdict == Verdict.VALID) != (code == null)) {
            throw new IllegalArgumentException(file + ": a valid vector has no code, a refused one has exactly one");
        }
        if (code != null && !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(file + ": not an error code: " + code);
        }
        if (!CLAUSE.matcher(clause).matches()) {
            throw new IllegalArgumentException(file + ": not a clause identifier: " + clause);
        }
    }

    /** The package's path relative to the index folder, with {@code /} separators. */
    public String file() {
        return file;
    }

    /** The signature profile the package was made for, e.g. {@code SM2_SM3}. */
    public String profile() {
        return profile;
    }

    /** The expected verdict. */
    public Verdict verdict() {
        return verdict;
    }

    /** The expected error code of a refused vector. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The clause of the standard the vector tests, e.g. {@code P-8.11}. */
    public String clause() {
        return clause;
    }

    /** What the vector does, in one line. */
    public String description() {
        return description;
    }

    /** The expectation as printed in reports: {@code valid} or {@code refused SIG-003}. */
    public String expectation() {
        return verdict == Verdict.VALID ? "valid" : "refused " + code;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PackageVector)) {
            return false;
        }
        PackageVector v = (PackageVector) o;
        return file.equals(v.file) && profile.equals(v.profile) && verdict == v.verdict && Objects.equals(code, v.code)
                && clause.equals(v.clause) && description.equals(v.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, profile, verdict, code, clause, description);
    }

    @Override
    public String toString() {
        return file + " " + expectation() + " (" + clause + ")";
    }
}
