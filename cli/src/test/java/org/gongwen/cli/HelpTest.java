package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"pki", "pack", "verify", "inspect", "extract", "send", "receive", "status", "sign-for", "return", "withdraw", "remind", "platform"})
    void everyCommandHasHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("Usage: gongwen " + command), r.out);
        assertEquals("", r.err);
        for (String line : r.out.split("\n")) {
            assertTrue(line.length() <= 100, "help lines stay readable in a terminal: " + line);
        }
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitStatuses() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exit, r.toString());
        for (String command : new String[] {"pki", "pack", "verify", "inspect", "extract", "send", "receive", "status", "sign-for",
                "return", "platform"}) {
            assertTrue(r.out.contains("  " + command + " "), r.out);
        }
        assertTrue(r.out.contains("Exit status"), r.out);
    }

    @Test
    void versionNamesTheStandard() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("Gongwen Exchange 1.0"), r.out);
        assertTrue(r.out.startsWith("gongwen 1."), "the version is filled in from the build: " + r.out);
    }

    @Test
    void missingOrUnknownCommandIsAUsageError() {
        Cli.Result none = Cli.run();
        assertEquals(ExitStatus.USAGE, none.exit, none.toString());
        assertTrue(none.err.startsWith("LOC-002 a command is required"), none.err);

        Cli.Result typo = Cli.run("verfiy");
        assertEquals(ExitStatus.USAGE, typo.exit, typo.toString());
        assertTrue(typo.err.startsWith("LOC-002 "), typo.err);
        assertTrue(typo.err.contains("verify"), "suggests the command meant: " + typo.err);
        assertTrue(typo.err.contains("Try 'gongwen --help'"), typo.err);

        Cli.Result option = Cli.run("pki", "--outt", "x");
        assertEquals(ExitStatus.USAGE, option.exit, option.toString());
        assertTrue(option.err.startsWith("LOC-002 "), option.err);
    }
}
