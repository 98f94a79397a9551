package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.BINZHOU;
import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.DirectoryDocument;
import org.gongwen.internal.wire.MailboxDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node started from a properties file with PEM keys and a directory file, as the standalone entry point does. */
class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void nodeFromTheWrittenDevelopmentFiles() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.RSA_SHA256)) {
            Path pki = dev.writeFiles();
            Path props = pki.resolve("nodes").resolve(XIANYANG_NODE.value()).resolve("node.properties");
            NodeConfig c = NodeConfig.fromFile(props);
            assertEquals(XIANYANG_NODE, c.nodeId());
            assertEquals(dev.directory(), c.directory());
            assertEquals(props.getParent().resolve("storage"), c.storageDirectory());
            assertTrue(c.jdbcUrl().startsWith("jdbc:h2:file:"));
            assertTrue(c.jdbcUrl().contains(";WRITE_DELAY=0"), "a killed node must not lose a commit it answered: " + c.jdbcUrl());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PlatformNode node = PlatformMain.run(props, new PrintStream(out, true, StandardCharsets.UTF_8))) {
                assertTrue(out.toString(StandardCharsets.UTF_8).contains(node.uri().toString()), out::toString);
                NodeClient.Resp d = NodeClient.of(node.uri(), dev, dev.tlsIdentity(CHUNHUA)).get(Binding.DIRECTORY);
                assertEquals(200, d.status());
                assertEquals(dev.directory(), DirectoryDocument.read(d.body()));
                Path sent = Samples.pkg(dir, dev, XIANYANG, List.of(BINZHOU), List.of(), 1_000);
                assertEquals(201, NodeClient.of(node.uri(), dev, dev.tlsIdentity(XIANYANG)).submit(sent).status());
                List<MailboxEntry> box = MailboxDocument.read(NodeClient.of(node.uri(), dev, dev.tlsIdentity(BINZHOU)).mailbox(0).body());
                assertEquals(1, box.size());
            }
            assertTrue(Files.isDirectory(props.getParent().resolve("storage").resolve("packages")));

            assertEquals(NodeConfig.DEFAULT_MAX_CONNECTIONS, c.maxConnections());
            assertEquals(NodeConfig.DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND, c.minUploadBytesPerSecond());
            assertEquals(NodeConfig.DEFAULT_MIN_FREE_STORAGE_BYTES, c.minFreeStorageBytes());
            Files.writeString(props, "http.max-connections=50\nhttp.min-upload-bytes-per-second=0\nstorage.min-free-bytes=1048576\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            NodeConfig limited = NodeConfig.fromFile(props);
            assertEquals(50, limited.maxConnections());
            assertEquals(0, limited.minUploadBytesPerSecond());
            assertEquals(1 << 20, limited.minFreeStorageBytes());
        }
    }

    @Test
    void badFilesAreRefusedWithACode() throws Exception {
        Path props = dir.resolve("node.properties");
        Files.writeString(props, "node.id=GWNODE-610400\nnode.colour=blue\n", StandardCharsets.UTF_8);
        GongwenException unknown = assertThrows(GongwenException.class, () -> NodeConfig.fromFile(props));
        assertEquals(ErrorCode.LOCAL_ARGUMENT, unknown.code());
        assertTrue(unknown.getMessage().contains("node.colour"), unknown::getMessage);
        Files.writeString(props, "node.id=GWNODE-610400\nsigning.profile=SM2_SM3\nsigning.key=missing.pem\nsigning.certificates=missing.pem\n",
                StandardCharsets.UTF_8);
        assertEquals(ErrorCode.LOCAL_KEY, assertThrows(GongwenException.class, () -> NodeConfig.fromFile(props)).code());
        assertEquals(ErrorCode.LOCAL_IO, assertThrows(GongwenException.class, () -> NodeConfig.fromFile(dir.resolve("absent.properties"))).code());
    }
}
