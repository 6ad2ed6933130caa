package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.wearables.adapters.rest.out.provider.notify.NotificationSender;
import health.wearables.adapters.rest.out.provider.notify.PreparedNotification;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The vendors' notifications to the gateway's webhook addresses, built and signed as each vendor documents it (the
 * provider clients' {@link NotificationSender}), genuine or spoiled, and what they change: a deauthorization ends her
 * connection, news of data brings a sync, and anything the vendor did not send (or sent before) changes nothing.
 */
public class NotificationSteps {
    /** How long a notification that must not bring a sync is given to bring one: a worker polls every 0.5 s. */
    private static final Duration NO_SYNC_WITHIN = Duration.ofSeconds(3);

    private final SyncJourney sync;
    private final SyncSteps syncSteps;

    private HttpResponse<String> answer;
    private final List<Map.Entry<String, HttpResponse<String>>> answers = new ArrayList<>();
    private PreparedNotification genuine;
    private Instant lastSyncedBefore;

    public NotificationSteps(SyncJourney sync, SyncSteps syncSteps) {
        this.sync = sync;
        this.syncSteps = syncSteps;
    }

    private static URI webhook(String slug) {
        return Settings.gatewayBaseUrl().resolve("/v1/wearables/" + slug + "/webhook");
    }

    private HttpResponse<String> send(String slug, PreparedNotification notification) {
        try {
            HttpResponse<String> response = notification.send(webhook(slug));
            if (response.statusCode() >= 400) {
                RunSecrets.rememberErrorBody(
                        notification.method() + " /v1/wearables/" + slug + "/webhook", response.body());
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Vendors.Account hers(String slug) {
        return sync.account(slug);
    }

    private static long number(String userId) {
        return Long.parseLong(userId);
    }

    private NotificationSender.Withings withings() {
        return NotificationSender.withings(Settings.verifyTokenOf("withings"));
    }

    // Genuine notifications

    @When("Withings tells the gateway that Amara unlinked the app")
    public void withingsUnlinked() {
        noteHowSynced("withings");
        answer = send("withings", withings().deauthorized(number(hers("withings").providerUserId)));
    }

    @When("Withings tells the gateway that new data of Amara's is available")
    public void withingsData() {
        noteHowSynced("withings");
        answer = send("withings", withings().dataAvailable(number(hers("withings").providerUserId)));
    }

    @When("Oura tells the gateway that new data of Amara's is available")
    public void ouraData() {
        noteHowSynced("oura");
        genuine = NotificationSender.oura(Settings.clientSecretOf("oura")).dataAvailable(hers("oura").providerUserId);
        answer = send("oura", genuine);
    }

    @When("WHOOP tells the gateway that new data of Amara's is available")
    public void whoopData() {
        noteHowSynced("whoop");
        genuine = NotificationSender.whoop(Settings.clientSecretOf("whoop"))
                .dataAvailable(number(hers("whoop").providerUserId));
        answer = send("whoop", genuine);
    }

    @Then("the gateway acknowledges the notification")
    public void acknowledged() {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
    }

    // What they bring

    private void noteHowSynced(String slug) {
        lastSyncedBefore = lastSynced(slug);
    }

    private Instant lastSynced(String slug) {
        JsonNode connection = syncSteps.connection(slug);
        return connection.hasNonNull("lastSyncedAt")
                ? Instant.parse(connection.path("lastSyncedAt").asText())
                : Instant.EPOCH;
    }

    private int readsOfHerData(String slug) {
        Vendors.Account account = hers(slug);
        return (int) VendorData.received().stream()
                .filter(read ->
                        read.account().filter(holder -> holder == account).isPresent())
                .count();
    }

    @Then("her {wearable} is soon synced again")
    public void soonSyncedAgain(String slug) {
        Poll.until(
                "her " + slug + " connection is synced after the notification",
                () -> lastSynced(slug),
                synced -> synced.isAfter(lastSyncedBefore),
                Duration.ofSeconds(20));
    }

    @Then("her {wearable} is not synced again, and stays active")
    public void notSyncedAgainAndActive(String slug) throws InterruptedException {
        notSyncedAgain(slug);
        assertThat(syncSteps.connection(slug).path("status").asText()).isEqualTo("active");
    }

    @Then("her {wearable} is not synced again")
    public void notSyncedAgain(String slug) throws InterruptedException {
        int reads = readsOfHerData(slug);
        Instant synced = lastSynced(slug);
        Thread.sleep(NO_SYNC_WITHIN.toMillis());
        assertThat(readsOfHerData(slug)).as("reads of her data at " + slug).isEqualTo(reads);
        assertThat(lastSynced(slug)).as("when her connection was last synced").isEqualTo(synced);
    }

    // Notifications the vendor did not send, or sent before

    @When("these notifications of new data for Amara arrive at the gateway's WHOOP address:")
    public void spoiledWhoop(DataTable table) {
        answers.clear();
        long her = number(hers("whoop").providerUserId);
        NotificationSender.Whoop whoop = NotificationSender.whoop(Settings.clientSecretOf("whoop"));
        for (String which : table.asList()) {
            PreparedNotification notification = switch (which) {
                case "the genuine one, a second time" -> genuine;
                case "one without WHOOP's signature" -> whoop.dataAvailable(her).withoutSignature();
                case "one whose body is not what WHOOP signed" ->
                    whoop.dataAvailable(her).withTamperedBody();
                case "one signed with another secret" ->
                    NotificationSender.whoop("not-the-client-secret-of-the-gateway")
                            .dataAvailable(her);
                case "one signed by WHOOP 6 minutes ago" ->
                    whoop.at(Instant.now().minus(Duration.ofMinutes(6))).dataAvailable(her);
                default -> throw new IllegalArgumentException(which);
            };
            answers.add(Map.entry(which, send("whoop", notification)));
        }
    }

    @Then("the gateway refuses each as invalid")
    public void eachRefused() {
        assertThat(answers).isNotEmpty().allSatisfy(sent -> {
            assertThat(sent.getValue().statusCode()).as(sent.getKey()).isEqualTo(401);
            IntegratorSteps.assertError(sent.getValue(), 401, "INVALID_NOTIFICATION");
        });
    }

    @When("Withings tells the gateway's Withings address that these users unlinked the app:")
    public void unlinksOfOthers(DataTable table) {
        answers.clear();
        for (String who : table.asList()) {
            long user = switch (who) {
                case "a user the gateway does not know" -> 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
                case "Amara's WHOOP user id" -> number(hers("whoop").providerUserId);
                default -> throw new IllegalArgumentException(who);
            };
            answers.add(Map.entry(who, send("withings", withings().deauthorized(user))));
        }
    }

    @Then("the gateway acknowledges each")
    public void eachAcknowledged() {
        assertThat(answers)
                .isNotEmpty()
                .allSatisfy(sent -> assertThat(sent.getValue().statusCode())
                        .as(sent.getKey() + ": " + sent.getValue().body())
                        .isEqualTo(204));
    }

    @When("Withings notifications arrive at the gateway's Withings address without its verify token, and with another")
    public void withingsWithoutToken() {
        answers.clear();
        PreparedNotification unlink = withings().deauthorized(number(hers("withings").providerUserId));
        answers.add(Map.entry("without the verify token", send("withings", unlink.withoutQuery("verify_token"))));
        answers.add(Map.entry(
                "with another verify token",
                send("withings", unlink.withQuery("verify_token", "not-the-verify-token-of-the-gateway"))));
    }

    // Subscription challenges

    @When("Oura checks the gateway's Oura address with a verification token that is not the configured one")
    public void ouraChallengeWrongToken() {
        answers.clear();
        answers.add(Map.entry(
                "wrong verification token",
                send(
                        "oura",
                        NotificationSender.oura(Settings.clientSecretOf("oura"))
                                .challenge("not-the-verify-token-of-the-gateway", "a-challenge-from-oura"))));
    }

    @When("Oura checks the gateway's Oura address with the configured verification token")
    public void ouraChallengeRightToken() {
        answer = send(
                "oura",
                NotificationSender.oura(Settings.clientSecretOf("oura"))
                        .challenge(Settings.verifyTokenOf("oura"), "a-challenge-from-oura"));
    }

    @Then("the gateway answers with Oura's challenge")
    public void answersChallenge() {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = Json.parse(answer.body());
        assertThat(body.path("challenge").asText()).isEqualTo("a-challenge-from-oura");
        assertThat(body.size()).isEqualTo(1);
    }
}
