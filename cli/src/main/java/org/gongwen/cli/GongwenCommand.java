package org.gongwen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.gongwen.api.envelope.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code gongwen} command: it only dispatches to its sub-commands. */
@Command(name = "gongwen", mixinStandardHelpOptions = true, versionProvider = GongwenCommand.Version.class,
        description = {"Packs, signs, verifies and inspects official documents (公文) in the Gongwen Exchange format,",
                "and sends, receives, signs for and returns them through a platform node."},
        subcommands = {PkiCommand.class, PackCommand.class, VerifyCommand.class, InspectCommand.class, ExtractCommand.class,
                SendCommand.class, ReceiveCommand.class, StatusCommand.class, SignForCommand.class, ReturnCommand.class,
                WithdrawCommand.class, RemindCommand.class, OutboxCommand.class, InboxCommand.class,
                PlatformCommand.class, ConformanceCommand.class},
        footer = {"", "Exit status: 0 success (package valid), 1 package refused, 2 usage error, "
                + "3 local file or key problem, 4 internal error, 5 the platform node could not be reached or failed. "
                + "An error is one line on standard error that starts with its stable code, for example 'SIG-003 ...'."})
final class GongwenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Whether standard error is an interactive terminal, where transfers show their progress. */
    final boolean terminal;

    GongwenCommand(boolean terminal) {
        this.terminal = terminal;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: pki, pack, verify, inspect, extract, "
                + "send, receive, status, sign-for, return or platform");
    }

    /** The tool's version and the version of the standard it implements. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = GongwenCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"gongwen " + p.getProperty("version", "(unknown version)"),
                    "Gongwen Exchange " + Envelope.VERSION};
        }
    }
}
