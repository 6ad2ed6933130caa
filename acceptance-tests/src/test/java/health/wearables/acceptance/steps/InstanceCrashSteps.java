package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Fault;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Vendors that slow the gateway down, and a gateway instance that dies in the middle of a sync. */
public class InstanceCrashSteps {
    private final SyncJourney sync;
    private final Map<Integer, Long> processOfPort = new ConcurrentHashMap<>();
    private Consumer<VendorData.Received> watcher;
    private GatewayInstances.Instance killed;
    private long killedPid;
    private Instant killedAt;
    private Instant rateLimitedAt;

    public InstanceCrashSteps(SyncJourney sync) {
        this.sync = sync;
    }

    @After
    public void startWhatTheScenarioKilled() {
        if (watcher != null) {
            VendorData.unwatch(watcher);
        }
        if (killed != null && !GatewayInstances.ready(killed)) {
            GatewayInstances.start(killed);
        }
    }

    // Rate limits

    @Given("{vendor}'s data API answers her first request with 429, Retry-After {int} seconds")
    public void rateLimitsFirst(String slug, int seconds) {
        sync.account(slug).data.failNext(Fault.rateLimited(Integer.toString(seconds)));
    }

    @Then("{vendor}'s data API was not asked again for her data until {int} seconds after its 429")
    public void notAskedBeforeRetryAfter(String slug, int seconds) {
        var requests = sync.account(slug).data.requests();
        assertThat(requests).as("requests for her data").hasSizeGreaterThan(1);
        rateLimitedAt = requests.get(0).receivedAt();
        assertThat(requests.subList(1, requests.size()))
                .allSatisfy(request -> assertThat(request.receivedAt())
                        .as("asked again at")
                        .isAfterOrEqualTo(rateLimitedAt.plusSeconds(seconds)));
    }

    // A crash

    @Given("{vendor}'s data API hangs on her first request")
    public void hangsFirst(String slug) {
        Vendors.Account account = sync.account(slug);
        account.data.failNext(Fault.hang());
        watcher = received -> {
            if (received.account().filter(holder -> holder == account).isPresent()) {
                GatewayInstances.processWithLocalPort(received.clientPort())
                        .ifPresent(pid -> processOfPort.put(received.clientPort(), pid));
            }
        };
        VendorData.watch(watcher);
    }

    @When("the instance reading her data from {vendor} is killed while it waits for the answer")
    public void killTheReader(String slug) {
        Vendors.Account account = sync.account(slug);
        VendorData.Received first = Poll.until(
                        "the gateway asks " + slug + " for her data", () -> reads(account), reads -> !reads.isEmpty())
                .get(0);
        long pid = Poll.until(
                        "the process asking is known",
                        () -> Optional.ofNullable(processOfPort.get(first.clientPort())),
                        Optional::isPresent)
                .orElseThrow();
        killed = GatewayInstances.instanceOf(pid)
                .orElseThrow(() -> new AssertionError("process " + pid + " is not instance A or B"));
        killedPid = pid;
        GatewayInstances.kill(killed);
        killedAt = Instant.now();
    }

    @Then("the other instance soon finishes the sync")
    public void otherFinishes() {
        Vendors.Account account = sync.accounts.values().iterator().next();
        Poll.until(
                "another instance reads her data",
                () -> reads(account).stream()
                        .filter(read -> read.at().isAfter(killedAt))
                        .toList(),
                reads -> !reads.isEmpty(),
                Duration.ofSeconds(90));
        List<VendorData.Received> after = reads(account).stream()
                .filter(read -> read.at().isAfter(killedAt))
                .toList();
        // the killed process was gone before killedAt (kill waits for its exit), so a read after it came from another
        // one; where `ss` caught the reading process (a short connection may close before it looks), it is not the dead
        assertThat(after)
                .allSatisfy(read -> assertThat(Optional.ofNullable(processOfPort.get(read.clientPort())))
                        .as("the process that read her data after the kill")
                        .isNotEqualTo(Optional.of(killedPid)));
    }

    @Then("the killed instance is started again")
    public void startedAgain() {
        GatewayInstances.start(killed);
        assertThat(GatewayInstances.ready(killed)).isTrue();
    }

    private static List<VendorData.Received> reads(Vendors.Account account) {
        return VendorData.received().stream()
                .filter(read ->
                        read.account().filter(holder -> holder == account).isPresent())
                .toList();
    }
}
