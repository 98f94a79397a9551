package org.gongwen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/** Input file checks and output folders, with plain messages (the JDK's own name only the file). */
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

    /**
     * The size of a file in bytes.
     *
     * @throws GongwenException {@code LOC-001} if it cannot be read
     */
    static long size(Path file) throws GongwenException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a folder and its parents if they are missing.
     *
     * @throws GongwenException {@code LOC-001} if it cannot be created (for example, a file has its name)
     */
    static Path createDirectories(Path dir) throws GongwenException {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create the folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
