package org.gongwen.platform.faults.crash;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongwen.platform.PlatformMain;

/**
 * A platform node run by {@link PlatformMain} in its own JVM from a {@code node.properties} that
 * {@code DevPlatform.writeFiles()} wrote, with its neighbours' URIs and short relay pauses filled
 * in. The first start takes an ephemeral port; every restart asks for the same port, so that
 * clients and neighbours find the node where it was, and is simply tried again if the port is not
 * free yet. Not thread-safe.
 */
final class NodeProcess implements AutoCloseable {
    private static final String LISTENING = " listening on ";

    private final Path template;
    private final Map<String, String> settings;
    private final Path config;
    private final Path log;
    private ChildJvm jvm;
    private URI uri;
    private int starts;
    private int refusedStarts;

    /**
     * @param nodeProperties the file {@code DevPlatform.writeFiles()} wrote for the node
     * @param settings keys to set (replacing the file's values), such as {@code parent.uri}
     */
    NodeProcess(Path nodeProperties, Map<String, String> settings, Path log) {
        this.template = nodeProperties;
        this.settings = settings;
        this.config = nodeProperties.resolveSibling("crash-test-node.properties");
        this.log = log;
    }

    /** Starts the node (again) and waits until it listens; returns its URI. */
    URI start(long deadlineNanos) throws IOException, InterruptedException {
        writeConfig(uri == null ? 0 : uri.getPort());
        while (true) {
            starts++;
            jvm = ChildJvm.start("platform node #" + starts, "128m", log, PlatformMain.class, "--config", config.toString());
            String line;
            while ((line = jvm.nextLine(deadlineNanos, "the node to listen")) != null && !line.contains(LISTENING)) {
                // the node prints one line when it listens
            }
            if (line != null) {
                URI now = URI.create(line.substring(line.indexOf(LISTENING) + LISTENING.length()).trim());
                if (uri != null && now.getPort() != uri.getPort()) {
                    throw new AssertionError("the node came back on port " + now.getPort() + " instead of " + uri.getPort());
                }
                uri = now;
                return uri;
            }
            int status = jvm.awaitExit(deadlineNanos);
            refusedStarts++;
            if (uri == null || refusedStarts > 20) {
                throw new AssertionError("the node did not start (status " + status + "); " + jvm.tail());
            }
            // most likely the port is not free yet: start again on the same port
        }
    }

    /** Kills the node's JVM with SIGKILL. */
    void kill() throws InterruptedException {
        jvm.kill();
    }

    /** How many starts ended before the node listened (a port not free again yet). */
    int refusedStarts() {
        return refusedStarts;
    }

    private void writeConfig(int port) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(template, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            String key = eq < 0 || line.startsWith("#") ? null : line.substring(0, eq).trim();
            if (key != null && (settings.containsKey(key) || key.equals("http.port"))) {
                continue;
            }
            out.add(line);
        }
        settings.forEach((k, v) -> out.add(k + "=" + v));
        out.add("http.port=" + port);
        Files.write(config, out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (jvm != null) {
            jvm.close();
        }
    }
}
