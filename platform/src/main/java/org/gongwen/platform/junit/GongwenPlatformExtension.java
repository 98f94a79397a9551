package org.gongwen.platform.junit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.Limits;
import org.gongwen.platform.DevPlatform;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link GongwenPlatform}: starts one
 * {@link DevPlatform} per test class (in a temporary folder, with its client files written by
 * {@link DevPlatform#writeFiles()}) when a parameter first asks for it, and closes it, its clients
 * and the folder when the class's tests are done.
 *
 * <p>Parameters it resolves (in constructors, {@code @BeforeAll}/{@code @BeforeEach} methods and
 * tests):
 * <ul>
 * <li>{@link DevPlatform}: the running platform;</li>
 * <li>{@link URI}: the URI of the middle node 咸阳市 {@code GWNODE-610400}, which has a parent and a child;</li>
 * <li>{@link ExchangeConfig}: a sample organisation's client configuration ({@link Organisation},
 *     default 咸阳市人民政府办公室);</li>
 * <li>{@link ExchangeClient}: a client with that configuration, closed after the class.</li>
 * </ul>
 * Thread-safe as JUnit uses it.
 */
public final class GongwenPlatformExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GongwenPlatformExtension.class);

    /** Used by JUnit through {@link GongwenPlatform}. */
    public GongwenPlatformExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> t = p.getParameter().getType();
        return t == DevPlatform.class || t == URI.class || t == ExchangeConfig.class || t == ExchangeClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        ExtensionContext cls = classContext(c);
        DevPlatform dev = platform(cls);
        Class<?> t = p.getParameter().getType();
        if (t == DevPlatform.class) {
            return dev;
        }
        if (t == URI.class) {
            return dev.node(DevPlatform.XIANYANG_NODE).uri();
        }
        OrgCode org = p.findAnnotation(Organisation.class).map(o -> OrgCode.of(o.value())).orElse(DevPlatform.XIANYANG);
        ExchangeConfig config;
        try {
            config = dev.clientConfig(org);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(org + " is not one of the development platform's sample organisations", e);
        }
        if (t == ExchangeConfig.class) {
            return config;
        }
        try {
            ExchangeClient client = Gongwen.load().exchangeClient(config);
            cls.getStore(NS).put("client-" + System.identityHashCode(client), new Closing(client::close));
            return client;
        } catch (GongwenException e) {
            throw new ParameterResolutionException("cannot open a client for " + org + ": " + e.getMessage(), e);
        }
    }

    /** The context of the test class (constructor and method parameters are resolved in narrower ones). */
    private static ExtensionContext classContext(ExtensionContext c) {
        ExtensionContext at = c;
        while (at.getParent().isPresent() && !(at.getElement().orElse(null) instanceof Class)) {
            at = at.getParent().get();
        }
        return at;
    }

    private static DevPlatform platform(ExtensionContext cls) {
        Running r = cls.getStore(NS).getOrComputeIfAbsent(Running.class, k -> start(cls), Running.class);
        return r.dev;
    }

    private static Running start(ExtensionContext cls) {
        GongwenPlatform settings = Optional.ofNullable(cls.getRequiredTestClass().getAnnotation(GongwenPlatform.class))
                .orElse(Defaults.class.getAnnotation(GongwenPlatform.class));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gongwen-platform");
            DevPlatform dev = settings.maxPackageBytes() > 0
                    ? DevPlatform.startWithLimits(dir, settings.profile(), Limits.builder().maxPackageBytes(settings.maxPackageBytes()).build())
                    : DevPlatform.start(dir, settings.profile());
            dev.writeFiles();
            return new Running(dev, dir);
        } catch (GongwenException | IOException | RuntimeException e) {
            deleteTree(dir);
            throw new ExtensionConfigurationException("cannot start the development platform: " + e.getMessage(), e);
        }
    }

    /** Holds the defaults of {@link GongwenPlatform} for a class registered with {@code @ExtendWith} alone. */
    @GongwenPlatform
    private static final class Defaults {
    }

    /** The running platform and its folder, closed by the class's store. */
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final DevPlatform dev;
        final Path dir;
        private boolean closed;

        Running(DevPlatform dev, Path dir) {
            this.dev = dev;
            this.dir = dir;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                dev.close();
                deleteTree(dir);
            }
        }
    }

    /** Something the store closes once. */
    private static final class Closing implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Runnable action;
        private boolean closed;

        Closing(Runnable action) {
            this.action = action;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                action.run();
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
