package health.wearables.acceptance.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/**
 * Checks a step makes in the gateway's internals on top of what its public API shows (no sync job queued in its Redis,
 * the tokens sealed in an Endpoint opened with its keyset). The build's own run makes them; a conformance run, whose
 * gateway is a deployment reached through its public API only, leaves them out and names each one it left out in the
 * scenario's report. Only a check that the scenario means the same without belongs here: any other reach into the
 * internals fails a conformance run ({@link Settings.NotAvailableInAConformanceRun}).
 */
public final class InternalChecks {
    private Scenario scenario;

    @Before(order = 0)
    public void noteTheRun(Scenario scenario) {
        this.scenario = scenario;
        if (Settings.conformanceRun()) {
            scenario.log("Conformance run against " + Settings.gatewayBaseUrl() + ": the gateway's internals are not"
                    + " read (a check that needs them is named here when it is left out), and the secrets sweep of the"
                    + " build's own run (log files, database rows) does not run.");
        }
    }

    /** Runs a check in the gateway's internals, described for people; a conformance run leaves it out and says so. */
    void alsoCheck(String what, Runnable check) {
        if (Settings.conformanceRun()) {
            scenario.log("Not checked in a conformance run (an internal of the gateway): " + what);
            return;
        }
        check.run();
    }
}
