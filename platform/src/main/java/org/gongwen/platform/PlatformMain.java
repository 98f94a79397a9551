package org.gongwen.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.gongwen.api.GongwenException;

/**
 * The standalone node: {@code java -jar gongwen-platform-all.jar --config node.properties}. It
 * starts the node described by the file, prints where it listens, and runs until it is stopped
 * (SIGTERM or Ctrl-C), closing the node gracefully. The logic is in {@link #run(Path, PrintStream)}
 * for callers such as the {@code gongwen platform} command.
 */
public final class PlatformMain {
    private PlatformMain() {
    }

    /**
     * Starts the node described by a configuration file and prints its id and URI.
     *
     * @return the running node; the caller closes it
     * @throws GongwenException if the configuration cannot be read or the node cannot start
     */
    public static PlatformNode run(Path config, PrintStream out) throws GongwenException {
        NodeConfig c = NodeConfig.fromFile(config);
        PlatformNode node = PlatformNode.start(c);
        out.println("gongwen platform node " + node.id() + " (" + c.name() + ") listening on " + node.uri());
        out.flush();
        return node;
    }

    /**
     * Command line entry point.
     *
     * @param args {@code --config FILE}
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: java -jar gongwen-platform-all.jar --config node.properties");
            System.exit(2);
            return;
        }
        PlatformNode node;
        try {
            node = run(Path.of(args[1]), System.out);
        } catch (GongwenException e) {
            System.err.println(e.code().code() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "gongwen-platform-shutdown"));
        stopped.await();
    }
}
