package org.gongwen.cli;

import java.io.PrintWriter;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.cli.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on standard error that starts with a stable error code,
 * and into an {@link ExitStatus}. Usage errors add a hint line pointing at {@code --help}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(ErrorCode.LOCAL_ARGUMENT.code() + " " + oneLine(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitStatus.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int status;
        if (ex instanceof GongwenException) {
            GongwenException g = (GongwenException) ex;
            err.println(oneLine(g.getMessage()));
            status = ExitStatus.of(g.code());
        } else {
            err.println("gongwen: internal error: " + oneLine(ex.toString()));
            status = ExitStatus.INTERNAL;
        }
        err.flush();
        return status;
    }

    /** The text on one line: line breaks become spaces, other control and format characters escapes. */
    static String oneLine(String text) {
        return text == null ? "" : Report.visible(text.replaceAll("[\\r\\n]+", " ")).trim();
    }
}
