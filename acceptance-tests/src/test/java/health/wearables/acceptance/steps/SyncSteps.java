package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.OuraSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.WhoopSimulator;
import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A patient's wearable data on its way from her vendor into her record, and her care team reading it there. */
public class SyncSteps {
    /** The data a care team names, by the LOINC code it is written with. */
    private static final Map<String, String> LOINC_OF = Map.of(
            "daily steps", "41950-7",
            "steps", "55423-8",
            "heart rate", "8867-4",
            "resting heart rate", "40443-4",
            "sleep", "93832-4",
            "weight", "29463-7",
            "glucose", "99504-3");

    private final PatientJourney journey;
    private final SyncJourney sync;
    private final Gateway gateway;
    private final ConnectingSteps connecting;
    private int lastDays;
    private final RedisProbe redis;

    public SyncSteps(
            PatientJourney journey, SyncJourney sync, Gateway gateway, ConnectingSteps connecting, RedisProbe redis) {
        this.redis = redis;
        this.journey = journey;
        this.sync = sync;
        this.gateway = gateway;
        this.connecting = connecting;
    }

    /** The wearables of the run's built-in vendors, by what a patient calls them. */
    @ParameterType("Oura ring|Withings scale|WHOOP strap|Dexcom sensor|Pixel Watch")
    public String wearable(String name) {
        return switch (name) {
            case "Oura ring" -> "oura";
            case "Withings scale" -> "withings";
            case "WHOOP strap" -> "whoop";
            case "Dexcom sensor" -> "dexcom";
            case "Pixel Watch" -> "google-health";
            default -> throw new IllegalArgumentException(name);
        };
    }

    @After
    public void closeHerVendorAccounts() {
        sync.accounts.values().forEach(account -> account.data.close());
        Vendors.approving(null);
    }

    PatientRecord record() {
        return new PatientRecord(gateway, journey.project, journey.patientId);
    }

    // Her vendor account

    @Given("Amara has worn her {wearable} for the last {int} days")
    public void hasWorn(String slug, int days) {
        DataSimulator data = VendorData.simulatorOf(slug);
        Vendors.Account account = new Vendors.Account(slug, data);
        withHerUserId(account, data);
        sync.accounts.put(slug, account);
        sync.seededAt = Instant.now();
        sync.expected.put(slug, WornData.seed(slug, data, sync.seededAt, days));
        lastDays = days;
        Vendors.approving(account);
    }

    /** Her own user id at the vendor, where its profile call answers it (Oura, WHOOP), as notifications name her. */
    static void withHerUserId(Vendors.Account account, DataSimulator data) {
        if (data instanceof OuraSimulator oura) {
            oura.userId(account.providerUserId);
        } else if (data instanceof WhoopSimulator whoop) {
            whoop.userId(Long.parseLong(account.providerUserId));
        }
    }

    /** The vendors, by name. */
    @ParameterType("Oura|Withings|WHOOP|Dexcom|Google Health")
    public String vendor(String name) {
        return name.equals("Google Health") ? "google-health" : name.toLowerCase(java.util.Locale.ROOT);
    }

    @Given("{vendor} issues her an access token that expires in {int} seconds")
    public void issuesShortLivedToken(String slug, int seconds) {
        sync.account(slug).expiries.add((long) seconds);
    }

    @Given("{vendor} refuses to refresh her tokens")
    public void refusesRefresh(String slug) {
        sync.account(slug).refusesRefresh = true;
    }

    // Connecting

    @When("her care team connects her {wearable} and she approves access")
    @When("her care team connects her {wearable} again and she approves access")
    public void connects(String slug) {
        Vendors.approving(sync.account(slug));
        sync.connectedAt = Instant.now();
        connecting.start(Settings.gatewayBaseUrl(), slug, "{\"patientId\":\"" + journey.patientId + "\"}");
        journey.answer = gateway.browse(connecting.approveAtVendor());
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        assertThat(Json.parse(journey.answer.body()).path("ok").asBoolean()).isTrue();
    }

    @Given("Amara has connected her {wearable}, and her last {int} days are in her record")
    public void hasConnectedAndSynced(String slug, int days) {
        hasWorn(slug, days);
        connects(slug);
        soonSeesData(days, "", slug);
    }

    // What her care team sees

    @Then("her care team soon sees her last {int} days of {dataKinds} in her record")
    public void soonSeesNamedData(int days, List<String> kinds) {
        String slug = onlyVendor();
        Set<String> written = soonSeesData(days, "", slug).keySet();
        assertThat(written)
                .as("codes of what her care team sees")
                .containsAll(kinds.stream().map(LOINC_OF::get).toList());
    }

    @ParameterType(".+")
    public List<String> dataKinds(String text) {
        List<String> kinds = Arrays.stream(text.split(",| and "))
                .map(String::strip)
                .filter(kind -> !kind.isEmpty())
                .toList();
        kinds.forEach(
                kind -> assertThat(LOINC_OF).as("a kind of data the steps know").containsKey(kind));
        return kinds;
    }

    private String onlyVendor() {
        assertThat(sync.accounts).as("her vendor accounts").hasSize(1);
        return sync.accounts.keySet().iterator().next();
    }

    /** Waits until her record holds what the first sync of a vendor must write; answers it, by code. */
    private Map<String, Long> soonSeesData(int days, String unused, String slug) {
        Map<String, Integer> expected = sync.expected.get(slug);
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        List<JsonNode> observations = Poll.until(
                "her record holds the " + total + " Observations of her " + slug + " account",
                () -> record().observations(),
                found -> found.size() >= total,
                Duration.ofSeconds(60));
        Map<String, Long> byCode = observations.stream()
                .collect(Collectors.groupingBy(PatientRecord::code, TreeMap::new, Collectors.counting()));
        assertThat(byCode)
                .as("her Observations by code, each record once")
                .containsExactlyInAnyOrderEntriesOf(expected.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> (long) entry.getValue())));
        // A span (a night's sleep) that began before the window and ends in it belongs to it: between 23:00 and
        // midnight UTC the night that began at 23:00 three days ago starts just before the window (seen at 23:26).
        Instant oldest = Instant.now().minus(Duration.ofDays(days));
        assertThat(observations)
                .as("nothing that ended before her last " + days + " days")
                .allSatisfy(observation ->
                        assertThat(PatientRecord.ended(observation)).isAfter(oldest));
        return byCode;
    }

    @Then("each of them is a final Observation of Amara, made by her {wearable}")
    public void finalObservationsOfHerDevice(String slug) {
        JsonNode device = record().devices().stream()
                .filter(candidate ->
                        candidate.at("/identifier/0/value").asText().endsWith("/" + slug))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Device of her " + slug + " connection"));
        List<JsonNode> observations = record().observations();
        assertThat(observations).isNotEmpty().allSatisfy(observation -> {
            assertThat(observation.path("status").asText()).isEqualTo("final");
            assertThat(observation.at("/subject/reference").asText()).isEqualTo("Patient/" + journey.patientId);
            assertThat(observation.at("/device/reference").asText())
                    .endsWith("Device/" + device.path("id").asText());
            assertThat(observation.at("/valueQuantity/system").asText()).isEqualTo("http://unitsofmeasure.org");
        });
    }

    @Then("her {wearable} connection is listed as synced")
    public void listedAsSynced(String slug) {
        JsonNode connection = Poll.until(
                "her " + slug + " connection is listed as synced",
                () -> connection(slug),
                listed -> "ok".equals(listed.path("syncStatus").asText()));
        assertThat(connection.path("status").asText()).isEqualTo("active");
        assertThat(Instant.parse(connection.path("lastSyncedAt").asText())).isAfter(sync.connectedAt);
    }

    JsonNode connection(String slug) {
        for (JsonNode connection : RecordSteps.connections(gateway, journey)) {
            if (slug.equals(connection.path("provider").asText())) {
                return connection;
            }
        }
        throw new AssertionError("no " + slug + " connection is listed for her");
    }

    // Asking for a sync

    @When("her care team asks for a sync of her {wearable} now")
    public void asksForSync(String slug) {
        journey.answer =
                gateway.sync(Settings.gatewayBaseUrl(), Settings.apiKeyOf(journey.project), slug, journey.patientId);
    }

    @When("the Acme project asks for a sync of Amara's {wearable}, which she never connected")
    public void acmeAsksForUnconnected(String slug) {
        asksForSync(slug);
    }

    @When("the Globex project asks for a sync of Amara's {wearable}")
    public void globexAsks(String slug) {
        journey.answer = gateway.sync(Settings.gatewayBaseUrl(), Settings.apiKeyOf("globex"), slug, journey.patientId);
    }

    @Then("the gateway accepts the request with a job id")
    public void accepted() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(202);
        JsonNode body = Json.parse(journey.answer.body());
        assertThat(body.path("jobId").asText()).isNotBlank();
        assertThat(body.size()).isEqualTo(1);
    }

    // Refreshing

    @Then("{vendor} was asked once to refresh her tokens, before her data was read")
    public void refreshedOnceBeforeReading(String slug) {
        Vendors.Account account = sync.account(slug);
        assertThat(account.refreshRequests()).as("refresh requests at " + slug).isEqualTo(1);
        assertThat(account.refusedRefreshTokens).as("refused refresh requests").isEmpty();
        Instant refreshed = account.refreshRequestTimes.get(0);
        List<VendorData.Received> reads = readsOf(account);
        assertThat(reads).isNotEmpty();
        assertThat(reads.get(0).at()).as("the first read of her data").isAfter(refreshed);
    }

    @Then("{vendor}'s data API saw only the refreshed access token")
    public void sawOnlyRefreshedToken(String slug) {
        Vendors.Account account = sync.account(slug);
        assertThat(account.issuedAccessTokens).as("access tokens issued").hasSize(2);
        String refreshed = account.issuedAccessTokens.get(1);
        assertThat(readsOf(account))
                .as("reads of her data")
                .isNotEmpty()
                .allSatisfy(read -> assertThat(read.bearer().equals(refreshed))
                        .as("the read carried the refreshed access token")
                        .isTrue());
    }

    @Then("her {wearable} connection's access token now expires in about an hour")
    public void expiresInAnHour(String slug) {
        Instant expiresAt =
                Instant.parse(connection(slug).path("accessTokenExpiresAt").asText());
        assertThat(expiresAt).isAfter(sync.connectedAt.plus(Duration.ofMinutes(50)));
    }

    /**
     * The requests for her data: not the user-id lookup some vendors get right after the exchange (WHOOP's profile,
     * Oura's personal info), which is made with the first access token before any sync.
     */
    private static List<VendorData.Received> readsOf(Vendors.Account account) {
        return VendorData.received().stream()
                .filter(read ->
                        read.account().filter(holder -> holder == account).isPresent())
                .filter(read -> !read.path().contains("/user/profile/basic")
                        && !read.path().contains("/personal_info"))
                .toList();
    }

    @Then("her {wearable} connection is soon listed as needing her to connect again")
    public void reauthRequired(String slug) {
        Poll.until(
                "her " + slug + " connection is listed as reauth_required",
                () -> connection(slug),
                listed -> "reauth_required".equals(listed.path("status").asText()));
    }

    @Then("her care team's request for a sync of her {wearable} is refused, as the connection is not active")
    public void syncRefusedAsNotActive(String slug) {
        asksForSync(slug);
        IntegratorSteps.assertError(journey.answer, 409, "CONNECTION_NOT_ACTIVE");
    }

    // New and revised data

    private static final int REVISION = 1_000;
    private static final int NEW_HEART_RATE = 88;
    private Instant newHeartRateAt;

    @When("her Oura ring records a new heart rate, and Oura revises yesterday's steps")
    public void newAndRevisedAtOura() {
        Vendors.Account account = sync.account("oura");
        OuraSimulator now = OuraSimulator.start();
        WornData.seed("oura", now, sync.seededAt, lastDays, REVISION);
        newHeartRateAt =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        now.heartRate(newHeartRateAt, NEW_HEART_RATE);
        withHerUserId(account, now);
        account.replaceData(now);
        sync.expected.get("oura").merge("8867-4", 1, Integer::sum);
    }

    @Then("her care team soon sees the new heart rate in her record")
    public void soonSeesNewHeartRate() {
        Poll.until(
                "her record holds the new heart rate",
                () -> record().observationsCoded("8867-4"),
                found -> found.stream()
                        .anyMatch(observation ->
                                observation.at("/valueQuantity/value").asInt() == NEW_HEART_RATE
                                        && PatientRecord.effective(observation).equals(newHeartRateAt)));
    }

    @Then("every record of her {wearable} is in her record once")
    public void everyRecordOnce(String slug) {
        soonSeesData(lastDays, "", slug);
        List<JsonNode> observations = record().observations();
        assertThat(observations.stream().map(PatientRecord::identifier).distinct())
                .as("identifiers of her Observations")
                .hasSize(observations.size());
    }

    @Then("yesterday's steps are version 2 of the same Observation, with the revised count")
    public void revisedStepsAreVersionTwo() {
        Instant yesterdayStart =
                WornData.ouraToday(sync.seededAt).minusDays(1).atTime(4, 0).toInstant(java.time.ZoneOffset.UTC);
        JsonNode steps = Poll.until(
                        "yesterday's steps are revised in her record",
                        () -> record().observationsCoded("41950-7").stream()
                                .filter(observation ->
                                        PatientRecord.effective(observation).equals(yesterdayStart))
                                .toList(),
                        found -> found.size() == 1
                                && found.get(0).at("/valueQuantity/value").asInt() == WornData.stepsOn(1) + REVISION)
                .get(0);
        assertThat(steps.at("/meta/versionId").asText()).isEqualTo("2");
    }

    // Many syncs at once

    @Given("her access token is now within the refresh margin")
    public void tokenWithinMargin() {
        String slug = onlyVendor();
        Poll.until(
                "her access token expires within the gateway's refresh margin (300 s)",
                () -> Instant.parse(
                        connection(slug).path("accessTokenExpiresAt").asText()),
                expiresAt -> expiresAt.isBefore(Instant.now().plusSeconds(295)),
                Duration.ofSeconds(60));
    }

    @When("her care team asks for {int} syncs of her {wearable} at once, spread over both instances")
    public void manySyncsAtOnce(int syncs, String slug) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(syncs);
        try {
            List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < syncs; i++) {
                java.net.URI instance = i % 2 == 0 ? Settings.gatewayBaseUrl() : Settings.secondGatewayBaseUrl();
                sent.add(pool.submit(() -> {
                    start.await();
                    return gateway.sync(instance, Settings.apiKeyOf(journey.project), slug, journey.patientId);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<java.net.http.HttpResponse<String>> answer : sent) {
                sync.syncAnswers.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        syncsAskedAt = Instant.now();
    }

    private Instant syncsAskedAt;

    @Then("all {int} are accepted, each with a job id of its own")
    public void allAccepted(int syncs) {
        assertThat(sync.syncAnswers).hasSize(syncs).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            assertThat(Json.parse(answer.body()).path("jobId").asText()).isNotBlank();
        });
        assertThat(sync.syncAnswers.stream()
                        .map(answer -> Json.parse(answer.body()).path("jobId").asText())
                        .distinct())
                .as("distinct job ids")
                .hasSize(syncs);
    }

    @Then("all of them soon finish, none failed, none left in the queue")
    public void allFinish() {
        Poll.until(
                "no sync job of hers is left in the queue",
                () -> redis.waitingSyncJobsFor(journey.patientId),
                jobs -> jobs == 0,
                Duration.ofMinutes(4));
        assertThat(redis.deadLettersFor(journey.patientId))
                .as("her dead-lettered sync jobs")
                .isZero();
        JsonNode connection = connection(onlyVendor());
        assertThat(connection.path("syncStatus").asText())
                .as(connection.toString())
                .isEqualTo("ok");
        assertThat(Instant.parse(connection.path("lastSyncedAt").asText())).isAfter(syncsAskedAt);
    }

    @Then(
            "{vendor} was asked once to refresh her tokens, after the syncs were asked for, and never with a used refresh token")
    public void refreshedOnceForAll(String slug) {
        Vendors.Account account = sync.account(slug);
        assertThat(account.refreshRequests()).as("refresh requests at " + slug).isEqualTo(1);
        assertThat(account.refusedRefreshTokens).as("refresh requests refused").isEmpty();
        assertThat(account.refreshRequestTimes.get(0)).isAfter(syncsAskedAt.minusSeconds(30));
    }

    @Then("every read of her data at {vendor} since that refresh carried the refreshed access token")
    public void readsAfterRefreshUseTheNewToken(String slug) {
        Vendors.Account account = sync.account(slug);
        Instant refreshed = account.refreshRequestTimes.get(0);
        String newest = account.issuedAccessTokens.get(account.issuedAccessTokens.size() - 1);
        List<VendorData.Received> since = readsOf(account).stream()
                .filter(read -> read.at().isAfter(refreshed))
                .toList();
        assertThat(since).as("reads of her data since the refresh").isNotEmpty();
        assertThat(since)
                .allSatisfy(read -> assertThat(read.bearer().equals(newest))
                        .as(read + " carried the refreshed access token")
                        .isTrue());
    }

    @Then("her {wearable} connection is still active")
    public void stillActive(String slug) {
        assertThat(connection(slug).path("status").asText()).isEqualTo("active");
    }
}
