package org.gongwen.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent implementation run as a real external process (xmlsec1, openssl). A missing
 * tool fails the test with the package to install: the interoperability tests are part of the
 * standard's claims and must not pass by being skipped. CI installs the tools (.ci/run).
 */
final class ExternalTool {
    /** Long enough for a loaded 2-core machine; only guards against a hung process. */
    private static final long TIMEOUT_SECONDS = 120;

    private final String command;
    private final Path executable;

    private ExternalTool(String command, Path executable) {
        this.command = command;
        this.executable = executable;
    }

    /** xmlsec1, the XMLDSig implementation of the Debian package xmlsec1. */
    static ExternalTool xmlsec1() {
        return find("xmlsec1", "xmlsec1");
    }

    /** The openssl command of OpenSSL 3 (Debian package openssl); fails if it is an older major version. */
    static ExternalTool openssl3() {
        ExternalTool t = find("openssl", "openssl");
        String version = t.run(Path.of(System.getProperty("java.io.tmpdir")), "version").assertExit(0).output().trim();
        if (!version.startsWith("OpenSSL 3.")) {
            fail("the OpenSSL interoperability tests need OpenSSL 3 (SM2 with an explicit distinguishing id, Ed25519 pkeyutl -rawin); found: "
                    + version + ". Install the Debian package 'openssl' from a release that ships OpenSSL 3 (Debian 12 or later).");
        }
        return t;
    }

    private static ExternalTool find(String command, String debianPackage) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return new ExternalTool(command, p);
                }
            }
        }
        return fail(command + " was not found on the PATH. The interoperability tests need it: install the Debian package '"
                + debianPackage + "' (apt-get install " + debianPackage + "); CI installs it in .ci/run.");
    }

    /** Runs the tool in {@code workDir} with these arguments and waits for it (bounded). */
    Result run(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.addAll(List.of(args));
        List<String> shown = new ArrayList<>(cmd);
        shown.set(0, command);
        Path log = null;
        Process p = null;
        try {
            log = Files.createTempFile(workDir, command + "-", ".log");
            p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return fail(String.join(" ", shown) + " did not finish within " + TIMEOUT_SECONDS + " s; output so far:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(String.join(" ", shown), p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("cannot run " + String.join(" ", shown) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + String.join(" ", shown), e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // inside the test's temporary directory, which JUnit removes
                }
            }
        }
    }

    /** What a run produced: the command line as shown to people, the exit code, stdout and stderr merged. */
    record Result(String commandLine, int exitCode, String output) {
        /** Fails, showing the command and its output, unless the exit code is {@code expected}. */
        Result assertExit(int expected) {
            if (exitCode != expected) {
                fail(describe("exit code " + expected));
            }
            return this;
        }

        /** Fails, showing the command and its output, if the tool succeeded. */
        Result assertFailed() {
            if (exitCode == 0) {
                fail(describe("a non-zero exit code"));
            }
            return this;
        }

        /** Fails, showing the command and its output, unless the output has a line equal to {@code line}. */
        Result assertLine(String line) {
            if (output.lines().map(String::strip).noneMatch(line::equals)) {
                fail(describe("an output line '" + line + "'"));
            }
            return this;
        }

        /** Fails, showing the command and its output, unless the output contains {@code text}. */
        Result assertContains(String text) {
            if (!output.contains(text)) {
                fail(describe("output containing '" + text + "'"));
            }
            return this;
        }

        private String describe(String expected) {
            return "expected " + expected + " from\n  " + commandLine + "\nbut it exited with " + exitCode + " and wrote:\n" + output;
        }
    }
}
