package org.gongwen.spec.attacks;

import com.sun.net.httpserver.HttpServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Resources an XML parser must never fetch, and the proof that it did not.
 *
 * <p>An HTTP server on 127.0.0.1 and an ephemeral port records every request ({@code ${HTTP_URL}}
 * in a vector). A named pipe ({@code ${FILE_URL}}) has a writer thread blocked in open(2) until
 * some reader opens the pipe: if anything opened it during a case, the writer's open returns
 * and records that, and the reader gets a secret text. Where no named pipe can be made, a
 * plain file holds the secret, and the runner checks that the secret appears nowhere.
 */
final class Canaries implements AutoCloseable {
    /** The text behind {@code ${FILE_URL}}; it must never reach an envelope or an error. */
    static final String SECRET = "canary-3a9f-never-read";

    private final HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final Path file;
    private final boolean pipe;
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean releasing = new AtomicBoolean();
    private final Thread writer;

    Canaries(Path dir) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            synchronized (requests) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            }
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.endsWith(".dtd") ? "<!ENTITY leak '" + SECRET + "'>" : SECRET).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        file = dir.resolve("canary-secret");
        pipe = makePipe(file);
        if (pipe) {
            writer = new Thread(this::feedPipe, "attack-suite-file-canary");
            writer.setDaemon(true);
            writer.start();
        } else {
            Files.writeString(file, SECRET);
            writer = null;
        }
    }

    private static boolean makePipe(Path f) {
        try {
            Process p = new ProcessBuilder("mkfifo", f.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && Files.exists(f) && !Files.isRegularFile(f);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void feedPipe() {
        try (OutputStream o = new FileOutputStream(file.toFile())) {
            if (!releasing.get()) {
                opened.set(true);
            }
            o.write(SECRET.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the reader went away: nothing to feed
        }
    }

    /** Whether opening the file is detected (a named pipe), not only leaking its text. */
    boolean watchesFileOpens() {
        return pipe;
    }

    String httpUrl(String caseId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + caseId + "/";
    }

    String fileUrl() {
        return file.toUri().toString();
    }

    /** What the canaries saw so far; empty means nothing was fetched. */
    List<String> touched() {
        List<String> out = new ArrayList<>();
        synchronized (requests) {
            requests.forEach(r -> out.add("HTTP request " + r));
        }
        if (opened.get()) {
            out.add("the file behind ${FILE_URL} was opened");
        }
        return out;
    }

    /** Whether {@code text} contains the secret of the file canary. */
    static boolean leaks(String text) {
        return text != null && text.contains(SECRET);
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        if (writer != null) {
            releasing.set(true);
            // Opening the pipe for reading and writing never blocks; as a reader it lets a
            // writer still blocked in open(2) go on, and it takes what that writer sends.
            RandomAccessFile both = new RandomAccessFile(file.toFile(), "rw");
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                both.close();
            }
        }
    }
}
