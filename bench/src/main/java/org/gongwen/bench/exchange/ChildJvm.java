package org.gongwen.bench.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a main class in a separate JVM with the same class path and the given options, echoing its
 * output with a label and picking up its {@link ResultLine}.
 */
final class ChildJvm {
    /** How a child ended: its exit status and its result line (empty map if it printed none). */
    record Outcome(int exitStatus, Map<String, String> result) {
        /** Whether it exited with status 0 and printed its result. */
        boolean succeeded() {
            return exitStatus == 0 && !result.isEmpty();
        }
    }

    private ChildJvm() {
    }

    /** Runs {@code main} to its end. */
    static Outcome run(String label, Class<?> main, List<String> jvmOptions, List<String> args, PrintStream echo)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        echo.println("  [" + label + "] " + String.join(" ", jvmOptions) + " " + main.getSimpleName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> result = Map.of();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                var parsed = ResultLine.parse(line);
                if (parsed.isPresent()) {
                    result = parsed.get();
                } else {
                    echo.println("  [" + label + "] " + line);
                }
            }
        }
        return new Outcome(p.waitFor(), result);
    }
}
