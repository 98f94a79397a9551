package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;

/**
 * The 咸阳 city node and its 礼泉 county child on plain http (the test mode), wired to each other,
 * with in-memory databases the test can read and change, keys from a development platform.
 */
final class TwoNodes implements AutoCloseable {
    final DevPlatform dev;
    final String cityDb = "jdbc:h2:mem:city-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    final String countyDb = "jdbc:h2:mem:county-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    final NodeConfig cityConfig;
    final NodeConfig countyConfig;
    /** The clock both nodes judge expiry by. */
    final TestClock clock = new TestClock();
    PlatformNode city;
    PlatformNode county;

    private TwoNodes(DevPlatform dev, Path dir, UnaryOperator<NodeConfig.Builder> cityExtra, UnaryOperator<NodeConfig.Builder> countyExtra) {
        this.dev = dev;
        this.cityConfig = cityExtra.apply(NodeConfig.builder().node(XIANYANG_NODE, "咸阳 (plain)")
                .signingIdentity(dev.nodeSigningIdentity(XIANYANG_NODE)).plainHttp().trust(dev.trustPolicy())
                .storageDirectory(dir.resolve("city")).database(cityDb, "", "").directory(dev.directory())
                .child(LIQUAN_NODE, null).relayRetry(Duration.ofMillis(100), Duration.ofSeconds(1))).build();
        this.countyConfig = countyExtra.apply(NodeConfig.builder().node(LIQUAN_NODE, "礼泉 (plain)")
                .signingIdentity(dev.nodeSigningIdentity(LIQUAN_NODE)).plainHttp().trust(dev.trustPolicy())
                .storageDirectory(dir.resolve("county")).database(countyDb, "", "").directory(dev.directory())
                .parent(XIANYANG_NODE, null).relayRetry(Duration.ofMillis(100), Duration.ofSeconds(1))).build();
    }

    /** Starts both nodes with the given changes to their configurations. */
    static TwoNodes start(DevPlatform dev, Path dir, UnaryOperator<NodeConfig.Builder> cityExtra, UnaryOperator<NodeConfig.Builder> countyExtra)
            throws GongwenException {
        TwoNodes t = new TwoNodes(dev, dir, cityExtra, countyExtra);
        try {
            t.city = PlatformNode.start(t.cityConfig, t.clock);
            t.county = PlatformNode.start(t.countyConfig, t.clock);
        } catch (GongwenException | RuntimeException e) {
            t.close();
            throw e;
        }
        t.city.setPeer(LIQUAN_NODE, t.county.uri());
        t.county.setPeer(XIANYANG_NODE, t.city.uri());
        return t;
    }

    /** Starts both nodes as they are. */
    static TwoNodes start(DevPlatform dev, Path dir) throws GongwenException {
        return start(dev, dir, b -> b, b -> b);
    }

    /** A client of the city node acting for an organisation. */
    NodeClient atCity(OrgCode org) {
        return NodeClient.plain(city.uri(), org.value());
    }

    /** A client of the county node acting for an organisation. */
    NodeClient atCounty(OrgCode org) {
        return NodeClient.plain(county.uri(), org.value());
    }

    /** A connection to the city node's database. */
    Connection cityDatabase() throws SQLException {
        return DriverManager.getConnection(cityDb, "", "");
    }

    @Override
    public void close() {
        if (county != null) {
            county.close();
        }
        if (city != null) {
            city.close();
        }
    }
}
