package org.gongwen.internal.pkg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.sign.EnvelopeSigner;
import org.gongwen.internal.xml.SecureXml;
import org.gongwen.testing.XmlWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Test tool for building packages that break the rules on purpose: read a valid package into
 * its entries, change entries, headers or the envelope, re-sign, and write the bytes back in
 * the fixed layout (or with chosen header fields off it).
 */
public final class RawPackage {
    /** One entry; header fields default to the fixed layout. */
    public static final class Entry {
        public String name;
        public byte[] data;
        public int method = ZipLayout.METHOD_STORED;
        public int flags = ZipLayout.FLAGS_UTF8;
        /** When set, written as the header's uncompressed size instead of data.length. */
        public Long declaredSize;
        /** When set, written as the stored data instead of {@link #data} (for compressed entries). */
        public byte[] rawData;

        public Entry(String name, byte[] data) {
            this.name = name;
            this.data = data;
        }

        public Entry copy() {
            Entry e = new Entry(name, data.clone());
            e.method = method;
            e.flags = flags;
            e.declaredSize = declaredSize;
            e.rawData = rawData == null ? null : rawData.clone();
            return e;
        }
    }

    public final List<Entry> entries = new ArrayList<>();

    public static RawPackage read(Path file) throws IOException {
        RawPackage p = new RawPackage();
        try (ZipFile z = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                try (InputStream in = z.getInputStream(e)) {
                    p.entries.add(new Entry(e.getName(), in.readAllBytes()));
                }
            }
        }
        return p;
    }

    public RawPackage copy() {
        RawPackage p = new RawPackage();
        entries.forEach(e -> p.entries.add(e.copy()));
        return p;
    }

    public Entry entry(String name) {
        return entries.stream().filter(e -> e.name.equals(name)).findFirst().orElseThrow();
    }

    /** The envelope entry parsed with the hardened parser. */
    public Document envelope() throws GongwenException {
        return SecureXml.parse(entry("envelope.xml").data, 64);
    }

    /** Replaces the envelope entry's bytes with the serialised document (not re-signed). */
    public RawPackage envelope(Document doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlWriter.write(doc, out);
        entry("envelope.xml").data = out.toByteArray();
        return this;
    }

    /** Removes every ds:Signature and signs the document again with {@code id}, then stores it. */
    public RawPackage resign(Document doc, SigningIdentity id) throws IOException, GongwenException {
        NodeList sigs = doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature");
        for (int i = sigs.getLength() - 1; i >= 0; i--) {
            Node s = sigs.item(i);
            s.getParentNode().removeChild(s);
        }
        EnvelopeSigner.sign(doc, id);
        return envelope(doc);
    }

    /** The first element with this local name in the envelope namespace. */
    public static Element element(Document doc, String localName) {
        return (Element) doc.getElementsByTagNameNS("urn:gongwen:exchange:1.0", localName).item(0);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> central = new ArrayList<>();
        long offset = 0;
        for (Entry e : entries) {
            byte[] stored = e.rawData != null ? e.rawData : e.data;
            CRC32 crc = new CRC32();
            crc.update(e.data);
            long usize = e.declaredSize != null ? e.declaredSize : e.data.length;
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            ZipLayout.Le loc = new ZipLayout.Le(ZipLayout.LOC_FIXED + name.length);
            loc.i32(ZipLayout.LOC_SIG).i16(ZipLayout.VERSION).i16(e.flags).i16(e.method).i16(ZipLayout.DOS_TIME)
                    .i16(ZipLayout.DOS_DATE).i32((int) crc.getValue()).i32(stored.length).i32((int) usize)
                    .i16(name.length).i16(0).bytes(name);
            ZipLayout.Le cen = new ZipLayout.Le(ZipLayout.CEN_FIXED + name.length);
            cen.i32(ZipLayout.CEN_SIG).i16(ZipLayout.MADE_BY).i16(ZipLayout.VERSION).i16(e.flags).i16(e.method)
                    .i16(ZipLayout.DOS_TIME).i16(ZipLayout.DOS_DATE).i32((int) crc.getValue()).i32(stored.length)
                    .i32((int) usize).i16(name.length).i16(0).i16(0).i16(0).i16(0).i32(ZipLayout.EXTERNAL_ATTRIBUTES)
                    .i32((int) offset).bytes(name);
            central.add(cen.array());
            out.writeBytes(loc.array());
            out.writeBytes(stored);
            offset += loc.array().length + stored.length;
        }
        long cenStart = offset;
        for (byte[] c : central) {
            out.writeBytes(c);
            offset += c.length;
        }
        out.writeBytes(ZipLayout.endRecord(entries.size(), offset - cenStart, cenStart));
        return out.toByteArray();
    }

    public Path write(Path file) throws IOException {
        Files.write(file, toBytes());
        return file;
    }
}
