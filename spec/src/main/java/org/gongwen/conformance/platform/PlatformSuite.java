package org.gongwen.conformance.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;

/**
 * The platform scenario suite: checks over HTTP that a running platform node follows
 * spec/transport.md, as seen by tester organisations homed on it. Each scenario names its clause,
 * what a conforming node does and what this node did; a scenario that needs what the node or the
 * profile does not offer is skipped with the reason, never passed.
 *
 * <pre>{@code
 * TesterProfile profile = TesterProfile.fromFiles(gw, node, List.of(testerFolder)).build();
 * SuiteResult result = PlatformSuite.run(gw, profile, SuiteListener.NONE);
 * }</pre>
 *
 * <p>The scenarios leave the testers' mailboxes as they found them: every message delivered to a
 * tester is fetched and acknowledged. Stateless; a run uses one thread.
 */
public final class PlatformSuite {
    private PlatformSuite() {
    }

    /** The scenarios for this profile, in the order they run (one forwarding scenario per remote organisation). */
    public static List<Scenario> scenarios(TesterProfile profile) {
        List<Scenario> all = new ArrayList<>();
        all.addAll(SubmissionScenarios.all());
        all.addAll(RefusalScenarios.all());
        all.addAll(DeliveryScenarios.all(profile));
        return List.copyOf(all);
    }

    /**
     * Runs every scenario against the profile's node.
     *
     * @throws GongwenException {@code LOC-001} if no work folder can be made, {@code LOC-003} if a
     *     tester's TLS identity cannot be used
     */
    public static SuiteResult run(Gongwen gw, TesterProfile profile, SuiteListener listener) throws GongwenException {
        List<Scenario> scenarios = scenarios(profile);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<ScenarioResult> results = new ArrayList<>();
        try (Session session = new Session(profile, gw)) {
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario sc = scenarios.get(i);
                listener.started(sc, i + 1, scenarios.size());
                ScenarioResult r = run(session, sc);
                results.add(r);
                listener.finished(r, i + 1, scenarios.size());
            }
        }
        return new SuiteResult(profile.node(), started, Duration.ofNanos(System.nanoTime() - t0), results);
    }

    /**
     * Runs one scenario in a session of its own, for a test framework that runs scenarios one by one.
     *
     * @throws GongwenException as {@link #run(Gongwen, TesterProfile, SuiteListener)}
     */
    public static ScenarioResult run(Gongwen gw, TesterProfile profile, Scenario scenario) throws GongwenException {
        try (Session session = new Session(profile, gw)) {
            return run(session, scenario);
        }
    }

    private static ScenarioResult run(Session session, Scenario sc) {
        long t0 = System.nanoTime();
        String observed;
        Outcome outcome;
        try {
            observed = sc.steps().run(session);
            outcome = Outcome.PASSED;
        } catch (Mismatch m) {
            observed = m.getMessage();
            outcome = Outcome.FAILED;
        } catch (Skip s) {
            observed = s.getMessage();
            outcome = Outcome.SKIPPED;
        } catch (GongwenException e) {
            String m = String.valueOf(e.getMessage());
            observed = m.startsWith(e.code().code()) ? m : e.code().code() + " " + m;
            outcome = Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            observed = "interrupted";
            outcome = Outcome.FAILED;
        } catch (Exception | AssertionError e) {
            observed = "the scenario could not complete: " + e;
            outcome = Outcome.FAILED;
        }
        return new ScenarioResult(sc.id(), sc.name(), sc.clause(), sc.expected(), observed, outcome, Duration.ofNanos(System.nanoTime() - t0));
    }
}
