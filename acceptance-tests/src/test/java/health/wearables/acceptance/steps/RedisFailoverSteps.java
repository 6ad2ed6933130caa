package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Redis failover in the middle of the gateway's work (run on a topology only, {@link RedisTopology}): patients on
 * their way back from Sandbox with states minted before it, credentials held in Redis while the FHIR store is down, a
 * sync waiting in the delayed set for a vendor's time, and care teams starting connections while the masters change.
 * Amara, the scenario's own patient, is the one whose Dexcom sync waits ({@link SyncSteps}); Bea is the one whose
 * credentials wait; the patients on their way back have numbers. The second scenario kills the masters instead
 * ({@link RedisTopology#killMasters}) while the patients' return links keep arriving.
 */
public class RedisFailoverSteps {
    private static final Duration PROBE_PAUSE = Duration.ofMillis(200);
    private static final Duration ARRIVAL_PAUSE = Duration.ofMillis(100);

    private final PatientJourney journey;
    private final Gateway gateway;
    private final RedisProbe redis;
    private final SandboxProvider sandbox;
    private final List<OnHerWayBack> patients = new ArrayList<>();
    private final List<Started> startedDuringFailover = new CopyOnWriteArrayList<>();
    private final String bea = "bea-" + UUID.randomUUID().toString().substring(0, 8);
    private String beasHeldCredentials;
    private PatientJourney.IssuedTokens beasTokens;

    public RedisFailoverSteps(PatientJourney journey, Gateway gateway, RedisProbe redis, SandboxProvider sandbox) {
        this.journey = journey;
        this.gateway = gateway;
        this.redis = redis;
        this.sandbox = sandbox;
    }

    /**
     * A patient with her return link from Sandbox in hand, and every answer the gateway gave to that link: those while
     * the masters were killed apart, as they alone may be refused for want of the state store.
     */
    private record OnHerWayBack(
            String patientId,
            URI returnLink,
            boolean backBeforeFailover,
            List<Integer> answers,
            List<Arrival> duringKill) {
        OnHerWayBack(String patientId, URI returnLink) {
            this(patientId, returnLink, false, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        /** How many arrivals of her link connected her: before, during or after the failover. */
        long connections() {
            return answers.stream().filter(status -> status == 200).count()
                    + duringKill.stream()
                            .filter(arrival -> arrival.status() == 200)
                            .count();
        }

        boolean connected() {
            return connections() > 0;
        }

        /** The authorization code Sandbox gave her, which her link carries to the gateway. */
        String code() {
            return Query.of(returnLink).get("code");
        }
    }

    /** An arrival of a return link while the masters were killed: when, on which instance, the answer. */
    private record Arrival(long atMillis, int instancePort, int status, String code) {
        /** The status, and the error code of a refusal. */
        String answer() {
            return status + (code.isEmpty() ? "" : " " + code);
        }

        @Override
        public String toString() {
            return answer() + " on :" + instancePort + " at " + atMillis + " ms";
        }
    }

    /** A connection a care team started while the masters changed: the answer's status and error code, when. */
    private record Started(long atMillis, int status, String code) {}

    // Before the failover

    @Given("{int} patients of the Acme care team have approved access at Sandbox and are on their way back")
    public void patientsOnTheirWayBack(int count) {
        for (int i = 1; i <= count; i++) {
            String patientId = "failover-" + UUID.randomUUID().toString().substring(0, 8) + "-" + i;
            URI instance = i % 2 == 0 ? Settings.secondGatewayBaseUrl() : Settings.gatewayBaseUrl();
            patients.add(new OnHerWayBack(patientId, approveAtSandbox(start(instance, patientId))));
        }
    }

    @Given("{int} of them are back already and connected")
    public void someAreBack(int count) {
        for (int i = 0; i < count; i++) {
            OnHerWayBack patient = patients.get(i);
            HttpResponse<String> answer = gateway.browse(patient.returnLink());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            patient.answers().add(answer.statusCode());
            patients.set(
                    i,
                    new OnHerWayBack(
                            patient.patientId(), patient.returnLink(), true, patient.answers(), patient.duringKill()));
        }
    }

    @Given("her first sync waits in the gateway's Redis until Dexcom's time")
    public void amarasSyncWaits() {
        Poll.until(
                "her first Dexcom sync is given back until the time Dexcom asked for",
                () -> redis.delayedSyncJobsFor(journey.patientId),
                delayed -> delayed == 1);
    }

    @Given("Bea comes back from Sandbox and is told her connection is pending, her credentials kept in the gateway's"
            + " Redis")
    public void beaIsPending() {
        HttpResponse<String> answer = gateway.browse(approveAtSandbox(start(Settings.gatewayBaseUrl(), bea)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(Json.parse(answer.body()).path("pending").asBoolean()).isTrue();
        beasHeldCredentials = Poll.until(
                        "the gateway holds Bea's Sandbox credentials",
                        () -> redis.heldCredentials(journey.project, bea, "sandbox"),
                        Optional::isPresent)
                .orElseThrow();
        beasTokens = SealedCredentials.openHeld(Json.parse(beasHeldCredentials), journey.project, bea, "sandbox");
        assertThat(beasHeldCredentials)
                .as("what the gateway holds for Bea")
                .doesNotContain(beasTokens.accessToken())
                .doesNotContain(beasTokens.refreshToken());
    }

    // The failover

    @When("Redis fails over, every master to its replica, while care teams keep starting connections")
    public void failover() throws Exception {
        RedisTopology topology = RedisTopology.ofTheRun();
        AtomicBoolean failingOver = new AtomicBoolean(true);
        ExecutorService careTeams = Executors.newSingleThreadExecutor();
        long began = System.nanoTime();
        Future<?> starting = careTeams.submit(() -> keepStartingConnections(failingOver, began));
        RedisTopology.Failover failover;
        try {
            failover = topology.failOver();
        } finally {
            failingOver.set(false);
            careTeams.shutdown();
        }
        starting.get(60, TimeUnit.SECONDS);
        Map<String, Integer> answers = new TreeMap<>();
        startedDuringFailover.forEach(started -> answers.merge(
                started.status() + (started.code().isEmpty() ? "" : " " + started.code()), 1, Integer::sum));
        long lastRefusal = startedDuringFailover.stream()
                .filter(started -> started.status() != 201)
                .mapToLong(Started::atMillis)
                .max()
                .orElse(-1);
        System.out.println("Redis failover: " + failover.what() + "; whole again after "
                + failover.took().toMillis()
                + " ms. Connections started meanwhile, alternately on both instances: " + answers
                + (lastRefusal < 0 ? ", none refused" : ", the last refusal " + lastRefusal + " ms after the start"));
    }

    /** A connection started every 200 ms, alternately on each instance, until the failover is over. */
    private void keepStartingConnections(AtomicBoolean failingOver, long began) {
        int i = 0;
        while (failingOver.get()) {
            URI instance = i++ % 2 == 0 ? Settings.gatewayBaseUrl() : Settings.secondGatewayBaseUrl();
            HttpResponse<String> answer = gateway.connect(
                    instance,
                    Settings.apiKeyOf(journey.project),
                    "sandbox",
                    "{\"patientId\":\"failover-care-team-" + i + "\"}");
            String code = answer.statusCode() == 201 ? "" : errorCode(answer);
            startedDuringFailover.add(
                    new Started(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), answer.statusCode(), code));
            try {
                Thread.sleep(PROBE_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Then("every connection started meanwhile was started, or refused because the state store was unavailable")
    public void startedOrRefusedAsUnavailable() {
        assertThat(startedDuringFailover)
                .as("connections started during the failover")
                .isNotEmpty();
        assertThat(startedDuringFailover)
                .allSatisfy(started -> assertThat(started.status() == 201
                                || (started.status() == 503 && started.code().equals("STATE_STORE_UNAVAILABLE")))
                        .as(started.toString())
                        .isTrue());
    }

    @When("the Redis masters are killed without warning while the return links keep arriving on both instances")
    public void mastersKilled() throws Exception {
        RedisTopology topology = RedisTopology.ofTheRun();
        AtomicBoolean killing = new AtomicBoolean(true);
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        long began = System.nanoTime();
        List<Future<?>> arriving = new ArrayList<>();
        List<RedisTopology.Kill> kills;
        try {
            List<URI> instances = List.of(Settings.gatewayBaseUrl(), Settings.secondGatewayBaseUrl());
            for (int i = 0; i < instances.size(); i++) {
                URI instance = instances.get(i);
                int first = i * patients.size() / instances.size();
                arriving.add(browsers.submit(() -> keepArriving(instance, first, killing, began)));
            }
            Poll.until(
                    "the first return links arrived", () -> arrivalsDuringKill().size(), count -> count >= 2);
            kills = topology.killMasters();
        } finally {
            killing.set(false);
            browsers.shutdown();
        }
        for (Future<?> browser : arriving) {
            browser.get(60, TimeUnit.SECONDS);
        }
        Map<String, Integer> answers = new TreeMap<>();
        arrivalsDuringKill().forEach(arrival -> answers.merge(arrival.answer(), 1, Integer::sum));
        System.out.println("Redis masters killed (SIGKILL), " + topology.kind() + ": " + kills + ". Return links that"
                + " arrived meanwhile, on both instances: " + answers + "; "
                + patients.stream().filter(OnHerWayBack::connected).count() + " of " + patients.size()
                + " patients connected by them");
    }

    /**
     * The patients' return links, one after the other from the given one on, each on this instance, until the masters
     * have been killed and the topology is whole again.
     */
    private void keepArriving(URI instance, int first, AtomicBoolean killing, long began) {
        for (int i = first; killing.get(); i = (i + 1) % patients.size()) {
            OnHerWayBack patient = patients.get(i);
            URI link = instance.equals(Settings.gatewayBaseUrl())
                    ? patient.returnLink()
                    : Gateway.onSecondInstance(patient.returnLink());
            HttpResponse<String> answer = gateway.browse(link);
            String code = answer.statusCode() == 200 ? "" : errorCode(answer);
            patient.duringKill().add(new Arrival(millisSince(began), instance.getPort(), answer.statusCode(), code));
            try {
                Thread.sleep(ARRIVAL_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Then("each return link that arrived meanwhile connected its patient, or was told it is no longer valid or that"
            + " the state store was unavailable")
    public void arrivalsDuringKillAnswered() {
        assertThat(arrivalsDuringKill())
                .as("return links that arrived while the masters were killed")
                .isNotEmpty();
        for (OnHerWayBack patient : patients) {
            assertThat(patient.duringKill())
                    .as("answers to the return link of " + patient.patientId() + " while the masters were killed")
                    .allSatisfy(arrival -> assertThat(arrival.status() == 200
                                    || (arrival.status() == 401
                                            && arrival.code().equals("INVALID_STATE"))
                                    || (arrival.status() == 503
                                            && arrival.code().equals("STATE_STORE_UNAVAILABLE")))
                            .as(arrival.toString())
                            .isTrue());
        }
    }

    @Then("both instances start connections again")
    public void bothInstancesStartConnections() {
        for (URI instance : List.of(Settings.gatewayBaseUrl(), Settings.secondGatewayBaseUrl())) {
            HttpResponse<String> answer = Poll.until(
                    "a connection started on " + instance,
                    () -> gateway.connect(
                            instance,
                            Settings.apiKeyOf(journey.project),
                            "sandbox",
                            "{\"patientId\":\"failover-after-" + instance.getPort() + "\"}"),
                    started -> started.statusCode() == 201);
            assertThat(Json.parse(answer.body()).path("authorizationUrl").asText())
                    .isNotBlank();
        }
    }

    @Then("Bea's credentials still wait in the gateway's Redis, unchanged")
    public void beasCredentialsSurvived() {
        assertThat(redis.heldCredentials(journey.project, bea, "sandbox"))
                .as("what the gateway holds for Bea after the failover")
                .contains(beasHeldCredentials);
    }

    @Then("Amara's first sync still waits in the gateway's Redis")
    public void amarasSyncSurvived() {
        assertThat(redis.delayedSyncJobsFor(journey.patientId))
                .as("her Dexcom sync jobs given back until Dexcom's time")
                .isEqualTo(1);
    }

    // After the failover

    @Then("Bea's Sandbox account is soon connected to her record, with the credentials Sandbox issued her")
    public void beaConnected() {
        JsonNode connection = Poll.until(
                        "Bea's Sandbox connection is listed as active",
                        () -> connectionsOf(bea),
                        list -> list.size() == 1
                                && "active".equals(list.get(0).path("status").asText()))
                .get(0);
        HttpResponse<String> endpoint = gateway.fhir(
                Settings.apiKeyOf(journey.project),
                "Endpoint/" + connection.get("endpointId").asText());
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(200);
        assertThat(SealedCredentials.open(Json.parse(endpoint.body()), journey.project, bea, "sandbox"))
                .isEqualTo(beasTokens);
    }

    @Then("nothing is kept for Bea in the gateway's Redis any more")
    public void nothingHeldForBea() {
        Poll.until(
                "the gateway holds nothing more for Bea",
                () -> redis.heldCredentials(journey.project, bea, "sandbox"),
                Optional::isEmpty);
    }

    @When("each return link arrives twice at once, once on each instance")
    public void linksArriveTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * patients.size());
        Map<Integer, Integer> answers = new ConcurrentSkipListMap<>();
        try {
            List<CompletableFuture<Void>> arrivals = new ArrayList<>();
            CompletableFuture<Void> go = new CompletableFuture<>();
            for (OnHerWayBack patient : patients) {
                for (URI link : List.of(patient.returnLink(), Gateway.onSecondInstance(patient.returnLink()))) {
                    arrivals.add(go.thenRunAsync(
                            () -> {
                                int status = gateway.browse(link).statusCode();
                                patient.answers().add(status);
                                answers.merge(status, 1, Integer::sum);
                            },
                            pool));
                }
            }
            go.complete(null);
            CompletableFuture.allOf(arrivals.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        System.out.println("Each return link arrived twice at once, once on each instance: " + answers);
    }

    @Then("each return link connected its patient at most once, and every other arrival was told it is no longer valid")
    public void atMostOnce() {
        int connected = 0;
        for (OnHerWayBack patient : patients) {
            List<Integer> answers = patient.answers();
            long successes = patient.connections();
            assertThat(successes)
                    .as("arrivals that connected " + patient.patientId())
                    .isLessThanOrEqualTo(1);
            assertThat(answers)
                    .as("answers to the return link of " + patient.patientId())
                    .allMatch(status -> status == 200 || status == 401);
            connected += (int) successes;
        }
        long before = patients.stream().filter(OnHerWayBack::backBeforeFailover).count();
        System.out.println("Return links made before the Redis failover: " + patients.size() + ", " + before
                + " used before it; " + (connected - before) + " of the other " + (patients.size() - before)
                + " connected their patient during or after it, each once");
    }

    @Then("those who were back before the failover were told so on both arrivals")
    public void replaysRefused() {
        for (OnHerWayBack patient : patients) {
            if (patient.backBeforeFailover()) {
                assertThat(patient.answers())
                        .as("the answers to " + patient.patientId() + "'s link: before the failover, then after it")
                        .containsExactly(200, 401, 401);
            }
        }
    }

    @Then("every patient a return link connected is connected to her record")
    public void connectedInTheRecord() {
        for (OnHerWayBack patient : patients) {
            if (patient.connected()) {
                JsonNode list = connectionsOf(patient.patientId());
                assertThat(list.size()).as(list.toString()).isEqualTo(1);
                assertThat(list.get(0).path("provider").asText()).isEqualTo("sandbox");
                assertThat(list.get(0).path("status").asText()).isEqualTo("active");
            }
        }
    }

    @Then("Sandbox was asked for tokens once for each patient it connected")
    public void oneExchangeEach() {
        long connected = 1 // Bea
                + patients.stream().filter(OnHerWayBack::connected).count();
        assertThat(sandbox.tokenRequests() - journey.tokenRequestsBefore)
                .as("token requests at Sandbox in this scenario")
                .isEqualTo(connected);
    }

    @Then("Sandbox was asked for tokens once for each patient a return link connected, and for no one else")
    public void oneExchangeEachConnected() {
        Map<String, Long> asked = new TreeMap<>();
        for (OnHerWayBack patient : patients) {
            long requests = sandbox.tokenRequestsRedeeming(patient.code());
            asked.put(patient.patientId(), requests);
            assertThat(requests)
                    .as("token requests at Sandbox for " + patient.patientId() + ", "
                            + (patient.connected() ? "connected" : "never connected"))
                    .isEqualTo(patient.connected() ? 1 : 0);
        }
        assertThat(sandbox.tokenRequests() - journey.tokenRequestsBefore)
                .as("token requests at Sandbox in this scenario")
                .isEqualTo(patients.stream().filter(OnHerWayBack::connected).count());
        System.out.println("Token requests at Sandbox per patient after the masters were killed: " + asked);
    }

    @When("the time Dexcom asked for has passed")
    public void dexcomsTimeHasCome() {
        Poll.until(
                "her Dexcom sync is no longer given back",
                () -> redis.delayedSyncJobsFor(journey.patientId),
                delayed -> delayed == 0,
                Duration.ofMinutes(3));
    }

    // Helpers

    /** Starts connecting a patient's Sandbox wearable on an instance; answers the authorization URL. */
    private URI start(URI instance, String patientId) {
        HttpResponse<String> response = gateway.connect(
                instance, Settings.apiKeyOf(journey.project), "sandbox", "{\"patientId\":\"" + patientId + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return URI.create(Json.parse(response.body()).get("authorizationUrl").asText());
    }

    /** Sandbox's consent: the return link it sends the browser to, with a code and the state. */
    private URI approveAtSandbox(URI authorizationUrl) {
        HttpResponse<String> consent = gateway.browse(authorizationUrl);
        assertThat(consent.statusCode())
                .as("Sandbox redirects back after consent")
                .isEqualTo(302);
        return URI.create(consent.headers().firstValue("Location").orElseThrow());
    }

    private List<Arrival> arrivalsDuringKill() {
        return patients.stream()
                .flatMap(patient -> patient.duringKill().stream())
                .sorted(Comparator.comparingLong(Arrival::atMillis))
                .toList();
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static String errorCode(HttpResponse<String> answer) {
        try {
            return Json.parse(answer.body()).path("error").path("code").asText();
        } catch (RuntimeException notJson) {
            return "(no JSON error)";
        }
    }

    private JsonNode connectionsOf(String patientId) {
        HttpResponse<String> response = gateway.connections(Settings.apiKeyOf(journey.project), patientId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }
}
