package org.gongwen.conformance.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.sign.KeyMaterial;
import org.gongwen.api.trust.TrustPolicy;

/**
 * Checks every package of a folder against the standard: verifies each {@code *.gwpkg} file
 * (in sub-folders too, in the order of their relative paths) under one trust policy and the
 * default limits, and compares each verdict and error code with the folder's index when one is
 * given. Every check runs; nothing stops at the first failure.
 */
public final class PackageConformance {
    /** Told before each package is checked, for a progress line. */
    public interface Listener {
        /**
         * @param done packages checked so far
         * @param total packages to check
         * @param file the package about to be checked
         */
        void checking(int done, int total, String file);
    }

    private PackageConformance() {
    }

    /**
     * The {@code *.gwpkg} files under {@code dir}, as relative paths with {@code /} separators, sorted.
     *
     * @throws IOException if the folder cannot be listed
     */
    public static List<String> packageFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".gwpkg"))
                    .map(f -> dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /**
     * The trust policy an index names: its trust anchors and CRLs, read relative to {@code indexDir}.
     *
     * @throws GongwenException {@code LOC-003} if a certificate or CRL file cannot be read
     */
    public static TrustPolicy policy(Path indexDir, VectorIndex index, KeyMaterial keys) throws GongwenException {
        TrustPolicy.Builder b = TrustPolicy.builder();
        for (String a : index.trustAnchors()) {
            b.trustAnchors(keys.readCertificates(indexDir.resolve(a)));
        }
        for (String c : index.crls()) {
            b.crls(keys.readCrls(indexDir.resolve(c)));
        }
        return b.build();
    }

    /**
     * Checks the packages of a folder.
     *
     * @param index the expectations, or null to check only that every package is valid
     * @param listener told before each package, or null
     * @return one check per package file, then one per index vector whose file is missing
     * @throws IOException if the folder cannot be listed
     */
    public static List<PackageCheck> run(Path dir, TrustPolicy policy, VectorIndex index, Listener listener) throws IOException {
        PackageVerifier verifier = Gongwen.load().verifier(policy);
        List<String> files = packageFiles(dir);
        List<PackageCheck> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i);
            if (listener != null) {
                listener.checking(i, files.size(), f);
            }
            seen.add(f);
            PackageVector expected = index == null ? null : index.find(f).orElse(null);
            PackageCheck c = PackageCheck.verify(verifier, dir.resolve(f), f, expected);
            if (index != null && expected == null) {
                c = PackageCheck.unlisted(c);
            }
            out.add(c);
        }
        if (index != null) {
            for (PackageVector v : index.vectors()) {
                if (!seen.contains(v.file())) {
                    out.add(PackageCheck.missing(v));
                }
            }
        }
        return out;
    }
}
