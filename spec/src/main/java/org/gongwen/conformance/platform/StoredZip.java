package org.gongwen.conformance.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A small package's entries in memory, written back in the fixed ZIP layout of spec/package.md
 * (stored entries, UTF-8 names, no extra fields, CRC-32 and sizes in the headers): how the suite
 * makes packages whose content breaks a rule while their ZIP structure stays exact, so that a node
 * refuses them for the rule under test and not for their layout. Not thread-safe.
 */
final class StoredZip {
    /** One entry: its name and bytes. */
    static final class Entry {
        final String name;
        byte[] data;

        Entry(String name, byte[] data) {
            this.name = name;
            this.data = data;
        }
    }

    final List<Entry> entries = new ArrayList<>();

    static StoredZip read(byte[] pkg) throws IOException {
        StoredZip z = new StoredZip();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(pkg), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                z.entries.add(new Entry(e.getName(), in.readAllBytes()));
            }
        }
        if (z.entries.isEmpty()) {
            throw new IOException("the package has no entries");
        }
        return z;
    }

    /** The first entry: the envelope. */
    Entry envelope() {
        return entries.get(0);
    }

    /** The first part after the envelope. */
    Entry firstPart() {
        if (entries.size() < 2) {
            throw new IllegalStateException("the package has no part");
        }
        return entries.get(1);
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            CRC32 crc = new CRC32();
            crc.update(e.data);
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            Le local = new Le().i32(0x04034b50).i16(20).i16(0x0800).i16(0).i16(0).i16(0x0021)
                    .i32((int) crc.getValue()).i32(e.data.length).i32(e.data.length).i16(name.length).i16(0);
            out.writeBytes(local.bytes());
            out.writeBytes(name);
            out.writeBytes(e.data);
            Le cen = new Le().i32(0x02014b50).i16(0x0314).i16(20).i16(0x0800).i16(0).i16(0).i16(0x0021)
                    .i32((int) crc.getValue()).i32(e.data.length).i32(e.data.length).i16(name.length).i16(0).i16(0).i16(0).i16(0)
                    .i32(0x81A4_0000).i32(offset);
            central.writeBytes(cen.bytes());
            central.writeBytes(name);
        }
        int cenOffset = out.size();
        out.writeBytes(central.toByteArray());
        out.writeBytes(new Le().i32(0x06054b50).i16(0).i16(0).i16(entries.size()).i16(entries.size()).i32(central.size())
                .i32(cenOffset).i16(0).bytes());
        return out.toByteArray();
    }

    /** Little-endian fields. */
    private static final class Le {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();

        Le i16(int v) {
            b.write(v);
            b.write(v >>> 8);
            return this;
        }

        Le i32(int v) {
            return i16(v & 0xFFFF).i16(v >>> 16);
        }

        byte[] bytes() {
            return b.toByteArray();
        }
    }
}
