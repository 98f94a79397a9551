package org.gongwen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code gongwen} in this JVM with captured standard output and error. */
final class Cli {
    /** What one run produced. */
    static final class Result {
        final int exit;
        final String out;
        final String err;

        Result(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            a.add(String.valueOf(o));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), a.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }
}
