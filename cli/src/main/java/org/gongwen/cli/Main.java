package org.gongwen.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code gongwen} command line tool. */
public final class Main {
    private Main() {
    }

    /** Runs the tool and exits with its {@link ExitStatus}. */
    public static void main(String[] args) {
        Charset cs = outputCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
        int status = commandLine(out, err, Progress.stderrIsTerminal()).execute(args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the tool in this JVM with the given output and error writers (treated as no terminal:
     * no progress lines).
     *
     * @return the {@link ExitStatus}
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err, false).execute(args);
    }

    /**
     * The configured command hierarchy, writing to the given writers.
     *
     * @param terminal whether {@code err} is an interactive terminal, where transfers show their progress
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean terminal) {
        ErrorReporter reporter = new ErrorReporter();
        CommandLine cmd = new CommandLine(new GongwenCommand(terminal));
        // until the conformance parent command lists it as its "platform" sub-command
        cmd.addSubcommand("conformance-platform", new ConformancePlatformCommand());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOverwrittenOptionsAllowed(true);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler(reporter);
        cmd.setExecutionExceptionHandler(reporter);
        return cmd;
    }

    /**
     * The platform's charset when it can write Chinese text, else UTF-8 (a plain "C" or POSIX
     * locale would turn every Chinese character into a question mark).
     */
    private static Charset outputCharset() {
        try {
            Charset platform = Charset.forName(System.getProperty("native.encoding", "UTF-8"));
            return platform.canEncode() && platform.newEncoder().canEncode("公文") ? platform : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
