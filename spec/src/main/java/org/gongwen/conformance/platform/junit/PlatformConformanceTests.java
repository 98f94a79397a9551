package org.gongwen.conformance.platform.junit;

import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.conformance.platform.Outcome;
import org.gongwen.conformance.platform.PlatformSuite;
import org.gongwen.conformance.platform.ScenarioResult;
import org.gongwen.conformance.platform.TesterProfile;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The platform scenario suite as JUnit 5 tests: extend this class, return the tester profile of
 * your node from {@link #testerProfile()}, and every scenario runs as one dynamic test named
 * {@code clause id: name}. A failed scenario fails its test with the expected and observed
 * outcome; a skipped one is aborted (reported as skipped) with the reason.
 *
 * <pre>{@code
 * class MyNodeConformanceTest extends PlatformConformanceTests {
 *     protected TesterProfile testerProfile() throws GongwenException {
 *         return TesterProfile.fromFiles(Gongwen.load(), URI.create("https://node.example:8443/"),
 *                 List.of(Path.of("testers"))).build();
 *     }
 * }
 * }</pre>
 *
 * <p>Needs {@code junit-jupiter-api} on the test class path (this module declares it optional).
 */
public abstract class PlatformConformanceTests {
    /** For subclasses. */
    protected PlatformConformanceTests() {
    }

    /**
     * The profile of the node under test.
     *
     * @throws GongwenException if it cannot be built, for example a client file that cannot be read
     */
    protected abstract TesterProfile testerProfile() throws GongwenException;

    /** The SDK the scenarios use; {@link Gongwen#load()} unless overridden. */
    protected Gongwen gongwen() {
        return Gongwen.load();
    }

    /** One dynamic test per scenario of {@link PlatformSuite#scenarios(TesterProfile)}. */
    @TestFactory
    Stream<DynamicTest> platformConformance() throws GongwenException {
        TesterProfile profile = testerProfile();
        Gongwen gw = gongwen();
        return PlatformSuite.scenarios(profile).stream().map(sc -> DynamicTest.dynamicTest(sc.clause() + " " + sc.id() + ": " + sc.name(), () -> {
            ScenarioResult r = PlatformSuite.run(gw, profile, sc);
            Assumptions.assumeTrue(r.outcome() != Outcome.SKIPPED, () -> "skipped: " + r.observed());
            if (r.outcome() == Outcome.FAILED) {
                Assertions.fail(sc.clause() + " " + sc.id() + "\nexpected: " + r.expected() + "\nobserved: " + r.observed());
            }
        }));
    }
}
