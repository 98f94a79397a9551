package org.gongwen.internal.pkg;

import java.nio.charset.StandardCharsets;

/**
 * The fixed ZIP layout of a package (spec/package.md, "ZIP layout"). Every header field that
 * is not the entry's name, size, CRC-32 or offset has one allowed value, so a reader can
 * check every byte of the file: nothing in a package is outside the signature's reach.
 */
final class ZipLayout {
    static final int LOC_SIG = 0x04034b50;
    static final int CEN_SIG = 0x02014b50;
    static final int EOCD_SIG = 0x06054b50;
    static final int VERSION = 20;
    /** Version made by: host 3 (UNIX), so that tools read the names as UTF-8 and the mode bits below. */
    static final int MADE_BY = 0x0314;
    /** External attributes: a regular file, mode 0644. */
    static final int EXTERNAL_ATTRIBUTES = 0x81A4_0000;
    static final int FLAGS_UTF8 = 0x0800;
    static final int FLAG_ENCRYPTED = 0x0001;
    static final int FLAG_DATA_DESCRIPTOR = 0x0008;
    static final int METHOD_STORED = 0;
    static final int DOS_TIME = 0;
    static final int DOS_DATE = 0x0021;
    static final int LOC_FIXED = 30;
    static final int CEN_FIXED = 46;
    static final int EOCD_FIXED = 22;

    private ZipLayout() {
    }

    /** The local file header of an entry. */
    static byte[] localHeader(String name, long size, long crc) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        Le b = new Le(LOC_FIXED + n.length);
        b.i32(LOC_SIG).i16(VERSION).i16(FLAGS_UTF8).i16(METHOD_STORED).i16(DOS_TIME).i16(DOS_DATE)
                .i32((int) crc).i32((int) size).i32((int) size).i16(n.length).i16(0).bytes(n);
        return b.array();
    }

    /** The central directory header of an entry. */
    static byte[] centralHeader(String name, long size, long crc, long offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        Le b = new Le(CEN_FIXED + n.length);
        b.i32(CEN_SIG).i16(MADE_BY).i16(VERSION).i16(FLAGS_UTF8).i16(METHOD_STORED).i16(DOS_TIME).i16(DOS_DATE)
                .i32((int) crc).i32((int) size).i32((int) size).i16(n.length).i16(0).i16(0).i16(0).i16(0).i32(EXTERNAL_ATTRIBUTES)
                .i32((int) offset).bytes(n);
        return b.array();
    }

    /** The end of central directory record. */
    static byte[] endRecord(int entries, long cenSize, long cenOffset) {
        Le b = new Le(EOCD_FIXED);
        b.i32(EOCD_SIG).i16(0).i16(0).i16(entries).i16(entries).i32((int) cenSize).i32((int) cenOffset).i16(0);
        return b.array();
    }

    /** Little-endian byte writer. */
    static final class Le {
        private final byte[] a;
        private int p;

        Le(int size) {
            a = new byte[size];
        }

        Le i16(int v) {
            a[p++] = (byte) v;
            a[p++] = (byte) (v >>> 8);
            return this;
        }

        Le i32(int v) {
            i16(v & 0xFFFF);
            return i16(v >>> 16);
        }

        Le bytes(byte[] b) {
            System.arraycopy(b, 0, a, p, b.length);
            p += b.length;
            return this;
        }

        byte[] array() {
            return a;
        }
    }
}
