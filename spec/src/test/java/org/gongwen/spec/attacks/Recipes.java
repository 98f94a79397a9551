package org.gongwen.spec.attacks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.pkg.RawPackage;

/**
 * The attack cases as recipes for other test code: read them, and apply one to a base package
 * with a signer of the caller's choice, without running it. The package vectors of
 * spec/vectors/packages are made this way from a fixed test PKI.
 */
public final class Recipes {
    /** One attack case as a recipe. */
    public static final class Recipe {
        private final AttackCase c;

        Recipe(AttackCase c) {
            this.c = c;
        }

        /** The case id, unique over all files. */
        public String id() {
            return c.id;
        }

        /** The vector file's family, e.g. {@code package}. */
        public String family() {
            return c.family;
        }

        /** The rule attacked, in words. */
        public String clause() {
            return c.clause;
        }

        /** The expected code, or {@code VALID}. */
        public String expect() {
            return c.expect;
        }

        /** The named signer of the case. */
        public String signer() {
            return c.signer;
        }

        /** The named trust policy of the case. */
        public String policy() {
            return c.policy;
        }

        /** Whether the case changes the default limits. */
        public boolean changesLimits() {
            return !c.limits.isEmpty();
        }

        /** The profiles the case runs under. */
        public List<SignatureProfile> profiles() {
            return c.profiles;
        }
    }

    private Recipes() {
    }

    /**
     * Reads every case of a folder of attack vectors.
     *
     * @throws IllegalStateException if a vector file does not follow the format
     */
    public static List<Recipe> load(Path dir) throws IOException {
        AttackVectors.Loaded loaded = AttackVectors.load(dir);
        if (!loaded.problems.isEmpty()) {
            throw new IllegalStateException("malformed attack vectors: " + loaded.problems);
        }
        List<Recipe> out = new ArrayList<>();
        loaded.cases.forEach(c -> out.add(new Recipe(c)));
        return out;
    }

    /**
     * Applies a recipe's steps to a copy of {@code base} and returns the package bytes.
     *
     * @param signer the key and certificate that signing steps use and placeholders describe
     * @throws Exception whatever an operator throws: the recipe does not fit the base
     */
    public static byte[] apply(Recipe r, SignatureProfile p, RawPackage base, SigningIdentity signer, Path vectorDir) throws Exception {
        Subject s = new Subject(new CaseContext(r.c.id, p, signer, vectorDir, null), base.copy());
        for (Step step : r.c.steps) {
            Operators.apply(step, s);
        }
        return s.bytes();
    }
}
