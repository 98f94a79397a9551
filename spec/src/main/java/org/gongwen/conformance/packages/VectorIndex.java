package org.gongwen.conformance.packages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The index of a folder of package vectors ({@code index.json}, format in
 * spec/vectors/packages/README.md): the trust policy every vector is verified under (trust
 * anchors and CRLs, as paths relative to the index) and the expectation for each vector.
 * Immutable.
 */
public final class VectorIndex {
    /** The value of the index's {@code format} member. */
    public static final String FORMAT = "gongwen-package-vectors/1";

    private final List<String> trustAnchors;
    private final List<String> crls;
    private final List<PackageVector> vectors;

    /**
     * @throws IllegalArgumentException if two vectors name the same file
     */
    public VectorIndex(List<String> trustAnchors, List<String> crls, List<PackageVector> vectors) {
        this.trustAnchors = List.copyOf(trustAnchors);
        this.crls = List.copyOf(crls);
        this.vectors = List.copyOf(vectors);
        Set<String> files = new HashSet<>();
        for (PackageVector v : vectors) {
            if (!files.add(v.file())) {
                throw new IllegalArgumentException("two vectors name " + v.file());
            }
        }
    }

    /** Trust anchor certificate files (PEM), relative to the index's folder; empty if the index names no policy. */
    public List<String> trustAnchors() {
        return trustAnchors;
    }

    /** CRL files (PEM), relative to the index's folder. */
    public List<String> crls() {
        return crls;
    }

    /** The vectors, in index order. */
    public List<PackageVector> vectors() {
        return vectors;
    }

    /** The vector of a file (relative path with {@code /} separators). */
    public Optional<PackageVector> find(String file) {
        return vectors.stream().filter(v -> v.file().equals(file)).findFirst();
    }

    /**
     * Reads an index file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it does not follow the format
     */
    public static VectorIndex read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses index text.
     *
     * @throws IllegalArgumentException if it does not follow the format
     */
    public static VectorIndex parse(String text) {
        Map<String, Object> root = object(IndexJson.parse(text), "the index");
        only(root, Set.of("format", "standard", "description", "policy", "vectors"), "the index");
        if (!FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException("format must be \"" + FORMAT + "\": " + root.get("format"));
        }
        Map<String, Object> policy = root.containsKey("policy") ? object(root.get("policy"), "policy") : Map.of();
        only(policy, Set.of("trustAnchors", "crls", "verificationTime"), "policy");
        List<PackageVector> vectors = new ArrayList<>();
        for (Object o : list(root.get("vectors"), "vectors")) {
            Map<String, Object> v = object(o, "a vector");
            only(v, Set.of("file", "profile", "verdict", "code", "clause", "description"), "a vector");
            vectors.add(new PackageVector(string(v, "file"), string(v, "profile"), Verdict.of(string(v, "verdict")),
                    v.get("code") == null ? null : string(v, "code"), string(v, "clause"), string(v, "description")));
        }
        return new VectorIndex(strings(policy.getOrDefault("trustAnchors", List.of()), "trustAnchors"),
                strings(policy.getOrDefault("crls", List.of()), "crls"), vectors);
    }

    /**
     * The index text: fixed member order, one vector per line, so that two indexes with the
     * same content have the same text.
     *
     * @param verificationTime informative: the period in which the verdicts hold, e.g. the validity of the test PKI
     */
    public String toJson(String description, String verificationTime) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"format\": ").append(IndexJson.quote(FORMAT)).append(",\n");
        b.append("  \"standard\": \"Gongwen Exchange 1.0\",\n");
        b.append("  \"description\": ").append(IndexJson.quote(description)).append(",\n");
        b.append("  \"policy\": {\n");
        b.append("    \"trustAnchors\": ").append(array(trustAnchors)).append(",\n");
        b.append("    \"crls\": ").append(array(crls)).append(",\n");
        b.append("    \"verificationTime\": ").append(IndexJson.quote(verificationTime)).append("\n");
        b.append("  },\n");
        b.append("  \"vectors\": [\n");
        for (int i = 0; i < vectors.size(); i++) {
            PackageVector v = vectors.get(i);
            b.append("    {\"file\": ").append(IndexJson.quote(v.file()))
                    .append(", \"profile\": ").append(IndexJson.quote(v.profile()))
                    .append(", \"verdict\": ").append(IndexJson.quote(v.verdict().text()))
                    .append(", \"code\": ").append(v.code().map(IndexJson::quote).orElse("null"))
                    .append(", \"clause\": ").append(IndexJson.quote(v.clause()))
                    .append(", \"description\": ").append(IndexJson.quote(v.description()))
                    .append(i + 1 < vectors.size() ? "},\n" : "}\n");
        }
        return b.append("  ]\n}\n").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorIndex && trustAnchors.equals(((VectorIndex) o).trustAnchors)
                && crls.equals(((VectorIndex) o).crls) && vectors.equals(((VectorIndex) o).vectors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trustAnchors, crls, vectors);
    }

    private static String array(List<String> l) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(IndexJson.quote(l.get(i)));
        }
        return b.append(']').toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o, String what) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException(what + " must be a JSON array");
        }
        return (List<Object>) o;
    }

    private static List<String> strings(Object o, String what) {
        List<String> out = new ArrayList<>();
        for (Object e : list(o, what)) {
            if (!(e instanceof String)) {
                throw new IllegalArgumentException(what + " must hold strings");
            }
            out.add((String) e);
        }
        return out;
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string in " + m);
        }
        return (String) v;
    }

    private static void only(Map<String, Object> m, Set<String> allowed, String what) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown member \"" + k + "\" in " + what);
            }
        }
    }
}
