package org.gongwen.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 exchange over a plain socket, written and read by hand, for tests that need what a
 * client library hides: a body sent in pieces, slowly, or not at all.
 */
final class RawHttp implements AutoCloseable {
    /** A response: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttp(URI node) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(node.getHost(), node.getPort()), 10_000);
        socket.setSoTimeout(120_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends a request line and headers (each "Name: value"), and the blank line after them. */
    RawHttp head(String method, String path, String... headers) throws IOException {
        StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        out.write(b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Sends body bytes. */
    RawHttp send(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        out.flush();
        return this;
    }

    /** Waits at most this long for an answer before {@link #read()} gives up. */
    RawHttp timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    /** Reads one response (its body by Content-Length). */
    Answer read() throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("the connection closed without an answer");
        }
        Map<String, String> headers = new TreeMap<>();
        String l;
        while ((l = line()) != null && !l.isEmpty()) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
