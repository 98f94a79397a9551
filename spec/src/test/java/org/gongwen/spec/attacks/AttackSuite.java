package org.gongwen.spec.attacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongwen.api.sign.SignatureProfile;

/**
 * Loads the attack vectors of a folder and runs every case under every profile it names,
 * collecting every failure rather than stopping at the first (like the Wycheproof runners).
 */
public final class AttackSuite {
    /** The outcome of a whole run. */
    public static final class Result {
        /** Vector files read. */
        public int files;
        /** Cases loaded (a case that does not follow the format counts as a failure, not as a case). */
        public int cases;
        /** Case and profile combinations run. */
        public int runs;
        /** Runs that passed. */
        public int passed;
        /** One line per failed run or malformed vector. */
        public final List<String> failures = new ArrayList<>();
        /** Runs per family, for the summary. */
        final Map<String, Integer> perFamily = new TreeMap<>();

        /** The one-line summary: cases loaded, runs, passed, failed. */
        public String summary() {
            return "attack suite: " + cases + " cases loaded from " + files + " files, " + runs + " runs: "
                    + passed + " passed, " + failures.size() + " failed";
        }

        /** How many runs each family had. */
        public String runsPerFamily() {
            return "attack suite runs per family: " + perFamily;
        }
    }

    private AttackSuite() {
    }

    /** Runs the suite of {@code vectorDir}, using {@code work} for temporary files. */
    public static Result run(Path vectorDir, Path work) throws Exception {
        Result r = new Result();
        AttackVectors.Loaded loaded = AttackVectors.load(vectorDir);
        r.files = loaded.files;
        r.cases = loaded.cases.size();
        loaded.problems.forEach(p -> r.failures.add("malformed vector: " + p));
        try (Canaries canaries = new Canaries(work)) {
            AttackRunner runner = new AttackRunner(vectorDir, work, new BasePackages(work.resolve("base")), canaries);
            for (AttackCase c : loaded.cases) {
                for (SignatureProfile p : c.profiles) {
                    r.runs++;
                    r.perFamily.merge(c.family, 1, Integer::sum);
                    List<String> problems = runner.run(c, p);
                    if (problems.isEmpty()) {
                        r.passed++;
                    } else {
                        r.failures.add(c.id + " [" + p + "] (" + c.file + ", " + c.clause + ", expect " + c.expect + "): "
                                + String.join("; ", problems));
                    }
                    if (!canaries.touched().isEmpty()) {
                        r.failures.add("canaries were touched by " + c.id + " [" + p + "]; later results are not trustworthy");
                        return r;
                    }
                }
            }
        }
        return r;
    }
}
