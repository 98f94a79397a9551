package org.gongwen.bench;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the usual command line options, then prints the ratios the benchmarks exist
 * for: each envelope operation's throughput divided by the bare signature operation of the same
 * profile, and the RSA envelope signature against the plain JDK RSA-2048 signature. A ratio of
 * 1.0 would mean the XML signature profile costs nothing beyond the cryptography.
 */
public final class RatioReport {
    /** Santuario's enveloped RSA signature of a 2 KB document against the bare RSA-2048 sign, measured earlier on the same kind of machine. */
    static final double SANTUARIO_RATIO = 0.65;

    private static final String ENVELOPE = EnvelopeSignatureBenchmark.class.getName() + ".";
    private static final String REFERENCE = ReferenceSignBenchmark.class.getName() + ".jdkRsa2048Sign";

    private RatioReport() {
    }

    /**
     * Runs the benchmarks selected by {@code args} (JMH syntax) and prints the ratio table.
     * Listing and help options are handed to JMH's own main.
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
            return;
        }
        print(results, System.out);
    }

    static void print(Collection<RunResult> results, PrintStream out) {
        Map<String, Map<String, Double>> byProfile = new LinkedHashMap<>();
        Double reference = null;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            if (name.equals(REFERENCE)) {
                reference = score;
            } else if (name.startsWith(ENVELOPE)) {
                byProfile.computeIfAbsent(r.getParams().getParam("profile"), k -> new LinkedHashMap<>())
                        .put(name.substring(ENVELOPE.length()), score);
            }
        }
        out.println();
        out.println("Ratios of throughput (ops/s divided by ops/s; higher is better, 1.00 = no cost beyond the bare operation)");
        out.printf(Locale.ROOT, "%-18s %14s %14s %16s %16s%n", "profile", "signEnvelope/", "signWholePath/", "verifyEnvelope/", "verifyWholePath/");
        out.printf(Locale.ROOT, "%-18s %14s %14s %16s %16s%n", "", "bareSign", "bareSign", "bareVerify", "bareVerify");
        for (Map.Entry<String, Map<String, Double>> e : byProfile.entrySet()) {
            Map<String, Double> s = e.getValue();
            out.printf(Locale.ROOT, "%-18s %14s %14s %16s %16s%n", e.getKey(),
                    ratio(s.get("signEnvelope"), s.get("bareSign")), ratio(s.get("signWholePath"), s.get("bareSign")),
                    ratio(s.get("verifyEnvelope"), s.get("bareVerify")), ratio(s.get("verifyWholePath"), s.get("bareVerify")));
        }
        Map<String, Double> rsa = byProfile.get("RSA_SHA256");
        if (reference != null && rsa != null) {
            out.println();
            out.printf(Locale.ROOT, "RSA_SHA256 against the plain JDK RSA-2048 sign (%.1f ops/s):%n", reference);
            out.printf(Locale.ROOT, "  signEnvelope  %s   signWholePath  %s   (Santuario's enveloped sign of a 2 KB document: %.2f)%n",
                    ratio(rsa.get("signEnvelope"), reference), ratio(rsa.get("signWholePath"), reference), SANTUARIO_RATIO);
        }
        if (byProfile.isEmpty() && reference == null) {
            out.println("  (no envelope or reference results in this run)");
        }
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }
}
