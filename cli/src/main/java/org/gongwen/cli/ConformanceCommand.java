package org.gongwen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gongwen conformance}: checks another implementation's output against the standard. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Checks conformance to the Gongwen Exchange standard."},
        subcommands = {ConformancePackagesCommand.class, ConformancePlatformCommand.class})
final class ConformanceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    GongwenCommand parent;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a conformance check is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
