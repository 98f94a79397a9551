package org.gongwen.spec.attacks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.json.Json;

/**
 * Loads every {@code *.json} vector file of a folder and checks each case against the format
 * of spec/vectors/attacks/README.md: required fields, known profiles, bases, signers, policies,
 * limits, operators and their parameters, and an expected code that exists. A vector that
 * breaks the format is reported as a problem, never skipped silently.
 */
final class AttackVectors {
    private static final Set<String> FILE_KEYS = Set.of("family", "description", "cases");
    private static final Set<String> CASE_KEYS =
            Set.of("id", "clause", "comment", "profiles", "base", "signer", "policy", "limits", "steps", "expect");
    private static final Set<String> LIMIT_KEYS =
            Set.of("maxEnvelopeBytes", "maxXmlDepth", "maxParts", "maxPartBytes", "maxPackageBytes", "maxCertificates");

    /** The cases read, the files read, and the problems found in them. */
    static final class Loaded {
        final List<AttackCase> cases = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        int files;
    }

    private AttackVectors() {
    }

    static Loaded load(Path dir) throws IOException {
        Loaded out = new Loaded();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            out.files++;
            String name = f.getFileName().toString();
            try {
                readFile(name, Files.readString(f, StandardCharsets.UTF_8), out, ids);
            } catch (IllegalArgumentException | ClassCastException e) {
                out.problems.add(name + ": " + e.getMessage());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void readFile(String name, String text, Loaded out, Set<String> ids) {
        Map<String, Object> top = (Map<String, Object>) Json.parse(text);
        unknownKeys(top, FILE_KEYS, "file");
        String family = requiredString(top, "family");
        List<Object> cases = (List<Object>) require(top, "cases");
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = (Map<String, Object>) cases.get(i);
            String label = name + " case " + (i + 1) + (c.get("id") instanceof String ? " '" + c.get("id") + "'" : "");
            try {
                AttackCase a = readCase(name, family, c);
                if (!ids.add(a.id)) {
                    throw new IllegalArgumentException("duplicate id");
                }
                out.cases.add(a);
            } catch (IllegalArgumentException | ClassCastException e) {
                out.problems.add(label + ": " + e.getMessage());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static AttackCase readCase(String file, String family, Map<String, Object> c) {
        unknownKeys(c, CASE_KEYS, "case");
        String id = requiredString(c, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and '-'");
        }
        String clause = requiredString(c, "clause");
        List<SignatureProfile> profiles = profiles(c.get("profiles"));
        String base = optionalString(c, "base", BasePackages.DEFAULT);
        if (!BasePackages.NAMES.contains(base)) {
            throw new IllegalArgumentException("unknown base '" + base + "'; known: " + BasePackages.NAMES);
        }
        String signer = optionalString(c, "signer", Signers.DEFAULT);
        if (!Signers.NAMES.contains(signer)) {
            throw new IllegalArgumentException("unknown signer '" + signer + "'; known: " + Signers.NAMES);
        }
        String policy = optionalString(c, "policy", Policies.DEFAULT);
        if (!Policies.NAMES.contains(policy)) {
            throw new IllegalArgumentException("unknown policy '" + policy + "'; known: " + Policies.NAMES);
        }
        Map<String, Long> limits = new LinkedHashMap<>();
        if (c.containsKey("limits")) {
            Map<String, Object> l = (Map<String, Object>) c.get("limits");
            unknownKeys(l, LIMIT_KEYS, "limits");
            l.forEach((k, v) -> limits.put(k, (Long) v));
        }
        List<Step> steps = new ArrayList<>();
        List<Object> raw = (List<Object>) require(c, "steps");
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) raw.get(i));
            Object op = s.remove("op");
            if (!(op instanceof String)) {
                throw new IllegalArgumentException("step " + (i + 1) + " has no \"op\"");
            }
            Step step = new Step(i, (String) op, s);
            Operators.check(step, profiles);
            steps.add(step);
        }
        String expect = requiredString(c, "expect");
        if (!AttackCase.VALID.equals(expect) && ErrorCode.fromCode(expect).isEmpty()) {
            throw new IllegalArgumentException("expect '" + expect + "' is neither VALID nor an ErrorCode code");
        }
        AttackCase a = new AttackCase(file, family, id, clause, profiles, base, signer, policy, limits, steps, expect);
        a.limits();
        return a;
    }

    @SuppressWarnings("unchecked")
    private static List<SignatureProfile> profiles(Object v) {
        if (v == null) {
            return List.of(SignatureProfile.values());
        }
        EnumSet<SignatureProfile> set = EnumSet.noneOf(SignatureProfile.class);
        for (Object o : (List<Object>) v) {
            try {
                set.add(SignatureProfile.valueOf((String) o));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown profile '" + o + "'");
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("\"profiles\" is empty");
        }
        return List.copyOf(set);
    }

    private static void unknownKeys(Map<String, Object> m, Set<String> allowed, String what) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown " + what + " field \"" + k + "\"");
            }
        }
    }

    private static Object require(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return v;
    }

    private static String requiredString(Map<String, Object> m, String key) {
        String s = (String) require(m, key);
        if (s.isBlank()) {
            throw new IllegalArgumentException("\"" + key + "\" is empty");
        }
        return s;
    }

    private static String optionalString(Map<String, Object> m, String key, String def) {
        Object v = m.get(key);
        return v == null ? def : (String) v;
    }
}
