package org.gongwen.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/** Files of seeded pseudo-random bytes, made once and reused while their size is right. */
public final class RandomFile {
    private RandomFile() {
    }

    /**
     * Returns {@code file}, first writing {@code size} pseudo-random bytes into it unless it
     * already has exactly that size. The bytes go to a temporary file that is renamed when
     * complete, so an interrupted run never leaves a short file to be reused.
     *
     * @return whether the file was written now (false: reused)
     */
    public static boolean ensure(Path file, long size, long seed) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == size) {
            return false;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            long left = size;
            while (left > 0) {
                buf.clear();
                while (buf.remaining() >= Long.BYTES) {
                    buf.putLong(random.nextLong());
                }
                int n = (int) Math.min(buf.position(), left);
                out.write(buf.array(), 0, n);
                left -= n;
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
