package org.gongwen.internal.pkg;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * Reads the fixed ZIP layout from a stream, front to back, checking every header byte against
 * the one allowed value, and at the end the central directory and end record against what the
 * local headers said. Not thread-safe.
 */
final class ZipReader {
    /** A local header read and checked. */
    static final class Entry {
        final String name;
        final long size;
        final long crc;
        final long offset;

        Entry(String name, long size, long crc, long offset) {
            this.name = name;
            this.size = size;
            this.crc = crc;
            this.offset = offset;
        }
    }

    private final InputStream in;
    private final long maxBytes;
    private final List<Entry> entries = new ArrayList<>();
    private long position;
    private int pendingSignature;
    private boolean havePending;

    ZipReader(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Bytes consumed so far. */
    long position() {
        return position;
    }

    /**
     * Reads the next local header, or returns null when the central directory starts.
     *
     * @throws GongwenException {@code PKG-009} compressed or encrypted, {@code PKG-010} any
     *     other header field off its fixed value, {@code PKG-001} truncated or not a ZIP
     */
    Entry next() throws GongwenException {
        long start = position;
        int sig = signature();
        if (sig == ZipLayout.CEN_SIG || sig == ZipLayout.EOCD_SIG) {
            pendingSignature = sig;
            havePending = true;
            return null;
        }
        if (sig != ZipLayout.LOC_SIG) {
            throw new GongwenException(start == 0 ? ErrorCode.PACKAGE_NOT_ZIP : ErrorCode.PACKAGE_LAYOUT,
                    start == 0 ? "not a ZIP file (no local header at offset 0)" : "unexpected bytes at offset " + start);
        }
        int version = u16();
        int flags = u16();
        int method = u16();
        int time = u16();
        int date = u16();
        long crc = u32();
        long csize = u32();
        long usize = u32();
        int nameLen = u16();
        int extraLen = u16();
        if ((flags & ZipLayout.FLAG_ENCRYPTED) != 0) {
            throw new GongwenException(ErrorCode.PACKAGE_COMPRESSION, "entry at offset " + start + " is encrypted");
        }
        if (method != ZipLayout.METHOD_STORED) {
            throw new GongwenException(ErrorCode.PACKAGE_COMPRESSION, "entry at offset " + start + " uses compression method " + method + "; entries are STORED");
        }
        if ((flags & ZipLayout.FLAG_DATA_DESCRIPTOR) != 0) {
            throw new GongwenException(ErrorCode.PACKAGE_COMPRESSION, "entry at offset " + start + " uses a data descriptor");
        }
        if (version != ZipLayout.VERSION || flags != ZipLayout.FLAGS_UTF8 || time != ZipLayout.DOS_TIME || date != ZipLayout.DOS_DATE
                || extraLen != 0 || csize != usize || nameLen == 0) {
            throw new GongwenException(ErrorCode.PACKAGE_LAYOUT, "local header at offset " + start + " differs from the fixed layout");
        }
        String name = utf8(bytes(nameLen));
        Entry e = new Entry(name, usize, crc, start);
        entries.add(e);
        return e;
    }

    /** Reads up to {@code len} bytes of the current entry's data; the caller counts them against the entry size. */
    int read(byte[] b, int off, int len) throws GongwenException {
        try {
            int n = in.read(b, off, len);
            if (n < 0) {
                throw new GongwenException(ErrorCode.PACKAGE_NOT_ZIP, "the package ends inside an entry (truncated)");
            }
            advance(n);
            return n;
        } catch (IOException e) {
            throw io(e);
        }
    }

    /** Reads exactly {@code n} bytes. */
    byte[] bytes(int n) throws GongwenException {
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            off += read(b, off, n - off);
        }
        return b;
    }

    /**
     * Reads the central directory and end record after the last entry and checks that they are
     * exactly what the local headers imply, and that nothing follows.
     *
     * @throws GongwenException {@code PKG-010} on any difference
     */
    void finish() throws GongwenException {
        if (!havePending) {
            throw new IllegalStateException("entries not exhausted");
        }
        long cenStart = position - 4;
        List<byte[]> parts = new ArrayList<>();
        int total = 0;
        for (Entry e : entries) {
            byte[] c = ZipLayout.centralHeader(e.name, e.size, e.crc, e.offset);
            parts.add(c);
            total += c.length;
        }
        byte[] cen = new byte[total];
        int p = 0;
        for (byte[] c : parts) {
            System.arraycopy(c, 0, cen, p, c.length);
            p += c.length;
        }
        byte[] eocd = ZipLayout.endRecord(entries.size(), total, cenStart);
        byte[] want = new byte[total + eocd.length];
        System.arraycopy(cen, 0, want, 0, total);
        System.arraycopy(eocd, 0, want, total, eocd.length);
        // the 4 signature bytes were consumed already
        byte[] sig = Arrays.copyOfRange(want, 0, 4);
        byte[] actualSig = new ZipLayout.Le(4).i32(pendingSignature).array();
        if (!Arrays.equals(sig, actualSig)) {
            throw new GongwenException(ErrorCode.PACKAGE_LAYOUT, "the central directory does not start where the last entry ends");
        }
        byte[] rest = bytes(want.length - 4);
        if (!Arrays.equals(rest, Arrays.copyOfRange(want, 4, want.length))) {
            throw new GongwenException(ErrorCode.PACKAGE_LAYOUT, "the central directory or end record differs from the local headers");
        }
        try {
            if (in.read() != -1) {
                throw new GongwenException(ErrorCode.PACKAGE_LAYOUT, "bytes follow the end record");
            }
        } catch (IOException e) {
            throw io(e);
        }
    }

    private int signature() throws GongwenException {
        try {
            byte[] b = new byte[4];
            int off = 0;
            while (off < 4) {
                int n = in.read(b, off, 4 - off);
                if (n < 0) {
                    if (position == 0 && off == 0) {
                        throw new GongwenException(ErrorCode.PACKAGE_NOT_ZIP, "the package is empty");
                    }
                    throw new GongwenException(ErrorCode.PACKAGE_NOT_ZIP, "the package is truncated at offset " + position);
                }
                off += n;
            }
            advance(4);
            return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
        } catch (IOException e) {
            throw io(e);
        }
    }

    private int u16() throws GongwenException {
        byte[] b = bytes(2);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    }

    private long u32() throws GongwenException {
        byte[] b = bytes(4);
        return ((b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24);
    }

    private void advance(int n) throws GongwenException {
        position += n;
        if (position > maxBytes) {
            throw new GongwenException(ErrorCode.LIMIT_SIZE, "the package is larger than the limit of " + maxBytes + " bytes");
        }
    }

    private static String utf8(byte[] b) throws GongwenException {
        try {
            CharBuffer c = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return c.toString();
        } catch (CharacterCodingException e) {
            throw new GongwenException(ErrorCode.PACKAGE_ENTRY_NAME, "an entry name is not valid UTF-8");
        }
    }

    private static GongwenException io(IOException e) {
        if (e instanceof EOFException) {
            return new GongwenException(ErrorCode.PACKAGE_NOT_ZIP, "the package is truncated", e);
        }
        return new GongwenException(ErrorCode.LOCAL_IO, "cannot read the package: " + e.getMessage(), e);
    }
}
