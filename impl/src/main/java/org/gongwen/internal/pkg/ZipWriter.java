package org.gongwen.internal.pkg;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.gongwen.api.pkg.Limits;

/** Writes the fixed ZIP layout: STORED entries whose size and CRC-32 are known before their data. Not thread-safe. */
final class ZipWriter {
    private final OutputStream out;
    private final List<byte[]> central = new ArrayList<>();
    private long offset;
    private long remaining = -1;
    private CRC32 crc;
    private long expectedCrc;
    private String current;

    ZipWriter(OutputStream out) {
        this.out = out;
    }

    /** Starts an entry; exactly {@code size} bytes of data must follow through {@link #write}. */
    void begin(String name, long size, long crc32) throws IOException {
        if (remaining > 0) {
            throw new IllegalStateException("entry " + current + " is incomplete");
        }
        byte[] loc = ZipLayout.localHeader(name, size, crc32);
        central.add(ZipLayout.centralHeader(name, size, crc32, offset));
        out.write(loc);
        offset += loc.length;
        checkSize();
        current = name;
        remaining = size;
        expectedCrc = crc32;
        crc = new CRC32();
        if (size == 0) {
            end();
        }
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (len > remaining) {
            throw new IOException("entry " + current + " is longer than declared");
        }
        out.write(b, off, len);
        crc.update(b, off, len);
        remaining -= len;
        offset += len;
        if (remaining == 0) {
            end();
        }
    }

    private void end() throws IOException {
        checkSize();
        if (crc.getValue() != expectedCrc) {
            throw new IOException("entry " + current + " changed while it was being packed (CRC-32 differs from the first pass)");
        }
        remaining = -1;
    }

    /** Writes the central directory and the end record. */
    void finish() throws IOException {
        if (remaining > 0) {
            throw new IOException("entry " + current + " is shorter than declared");
        }
        long cenStart = offset;
        for (byte[] c : central) {
            out.write(c);
            offset += c.length;
        }
        out.write(ZipLayout.endRecord(central.size(), offset - cenStart, cenStart));
        offset += ZipLayout.EOCD_FIXED;
        checkSize();
        out.flush();
    }

    private void checkSize() throws IOException {
        if (offset > Limits.FORMAT_MAX_PACKAGE_BYTES) {
            throw new IOException("the package would exceed 4 GiB, the largest the version 1.0 layout allows");
        }
    }
}
