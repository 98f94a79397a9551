package org.gongwen.api.pkg;

import java.io.InputStream;
import java.nio.file.Path;
import org.gongwen.api.GongwenException;

/**
 * Verifies packages under one trust policy and one set of limits. It reads the envelope first,
 * verifies its signature and trust, and only then streams each part through its digest; no
 * part is held in memory. Thread-safe: one verifier can serve many threads.
 */
public interface PackageVerifier {
    /**
     * Verifies a package file completely.
     *
     * @return the verified package
     * @throws GongwenException with the stable code of the first rule the package breaks
     */
    VerifiedPackage verify(Path packageFile) throws GongwenException;

    /**
     * Verifies a package read from a stream (which is not closed).
     *
     * @throws GongwenException with the stable code of the first rule the package breaks
     */
    VerifiedPackage verify(InputStream in) throws GongwenException;

    /**
     * Verifies a package and extracts its parts into a directory, in the same pass. Parts are
     * written to temporary files and renamed only after the whole package has verified; on any
     * failure nothing is left in the directory. Existing files are never overwritten
     * ({@code LOC-001}).
     *
     * @return the verified package with {@link VerifiedPackage#extractedParts()} filled in
     * @throws GongwenException with the stable code of the first rule the package breaks
     */
    VerifiedPackage extract(Path packageFile, Path directory) throws GongwenException;
}
