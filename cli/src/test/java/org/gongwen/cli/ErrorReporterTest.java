package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorReporterTest {
    private final StringWriter err = new StringWriter();
    private final CommandLine cmd = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), false);

    @Test
    void anErrorIsOneLineWithItsCodeFirst() {
        int status = new ErrorReporter().handleExecutionException(
                new GongwenException(ErrorCode.PACKAGE_ENTRY_NAME, "entry 'a\r\nb\u202Egpj.exe' is not allowed"), cmd, null);
        assertEquals(ExitStatus.REFUSED, status);
        assertEquals("PKG-007 entry 'a b\\u202Egpj.exe' is not allowed\n", err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void codesMapToTheirStatuses() {
        assertEquals(ExitStatus.LOCAL, ExitStatus.of(ErrorCode.LOCAL_IO));
        assertEquals(ExitStatus.LOCAL, ExitStatus.of(ErrorCode.LOCAL_KEY));
        assertEquals(ExitStatus.USAGE, ExitStatus.of(ErrorCode.LOCAL_ARGUMENT));
        for (ErrorCode c : ErrorCode.values()) {
            if (c.code().startsWith("TRN-") || c == ErrorCode.ROUTING_UNREACHABLE) {
                assertEquals(ExitStatus.TRANSPORT, ExitStatus.of(c), c.code());
            } else if (!c.code().startsWith("LOC-")) {
                assertEquals(ExitStatus.REFUSED, ExitStatus.of(c), c.code());
            }
        }
        assertEquals(5, ExitStatus.of(ErrorCode.TRANSPORT_RETRYABLE));
    }

    @Test
    void anUnexpectedExceptionIsAnInternalError() {
        int status = new ErrorReporter().handleExecutionException(new IllegalStateException("boom"), cmd, null);
        assertEquals(ExitStatus.INTERNAL, status);
        assertEquals("gongwen: internal error: java.lang.IllegalStateException: boom", err.toString().strip());
    }
}
