package org.gongwen.platform.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;
import org.gongwen.conformance.platform.PlatformSuite;
import org.gongwen.conformance.platform.Tester;
import org.gongwen.conformance.platform.TesterProfile;
import org.gongwen.conformance.platform.junit.PlatformConformanceTests;
import org.gongwen.platform.DevPlatform;

/**
 * The platform scenario suite against the reference node 咸阳市 GWNODE-610400 (which has a parent
 * and a child), started by the extension, with the client files the development platform writes:
 * three testers homed on it, and the organisations of the province and county nodes for the
 * forwarding scenarios. Every scenario must pass: none may be skipped here.
 */
@GongwenPlatform(maxPackageBytes = ReferenceNodeConformanceTest.LIMIT)
class ReferenceNodeConformanceTest extends PlatformConformanceTests {
    static final long LIMIT = 64 * 1024;

    private final DevPlatform dev;
    private final URI node;

    ReferenceNodeConformanceTest(DevPlatform dev, URI node) {
        this.dev = dev;
        this.node = node;
    }

    @Override
    protected TesterProfile testerProfile() throws GongwenException {
        TesterProfile p = TesterProfile.fromFiles(Gongwen.load(), node, List.of(dev.clientFile(DevPlatform.XIANYANG).getParent()))
                .maxPackageBytes(LIMIT).build();
        assertEquals(List.of(DevPlatform.XIANYANG, DevPlatform.CHUNHUA, DevPlatform.BINZHOU), codes(p.testers()), "the testers homed on 610400");
        assertEquals(List.of(DevPlatform.SHAANXI, DevPlatform.XIAN, DevPlatform.LIQUAN), codes(p.remote()), "homed on the parent and the child");
        assertEquals(4 + 10 + 2 + 3, PlatformSuite.scenarios(p).size(), "every scenario of the suite runs, one forwarding scenario per remote organisation");
        return p;
    }

    private static List<OrgCode> codes(List<Tester> testers) {
        return testers.stream().map(Tester::organisation).toList();
    }
}
