package org.gongwen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/** Early checks of input files, so that a missing file gets a plain message instead of a bare file name. */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * Checks that each path names a readable regular file.
     *
     * @throws GongwenException {@code LOC-001} naming the first that does not
     */
    static void requireReadable(Iterable<Path> files) throws GongwenException {
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "no such file: " + f);
            }
            if (!Files.isRegularFile(f)) {
                throw new GongwenException(ErrorCode.LOCAL_IO, f + " is not a regular file");
            }
            if (!Files.isReadable(f)) {
                throw new GongwenException(ErrorCode.LOCAL_IO, f + " is not readable");
            }
        }
    }
}
