package health.wearables.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.Fixtures;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.refresh.Renewal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One sync job's life as types: taken → connected → reading page by page → answered. */
class SyncJobLifeTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final ConnectionKey KEY =
            new ConnectionKey(new ProjectId("acme"), new PatientId("p-1"), new ProviderSlug("oura"));
    static final ConfiguredProvider OURA = Fixtures.provider("oura");
    static final SyncJob JOB = new SyncJob(KEY, "17", NOW);
    static final SyncWindow WINDOW = new SyncWindow(NOW.minus(Duration.ofDays(30)), NOW);
    static final SealedCredentials CREDENTIALS = credentials("a", NOW.minus(Duration.ofMinutes(50)));

    static SealedCredentials credentials(String name, Instant issued) {
        return new SealedCredentials(
                KEY,
                new SealedToken(("access-" + name).getBytes(StandardCharsets.UTF_8), 1),
                Optional.of(new SealedToken(("refresh-" + name).getBytes(StandardCharsets.UTF_8), 1)),
                Optional.empty(),
                Optional.of(issued.plus(Duration.ofHours(1))),
                List.of("daily"),
                Optional.empty(),
                issued);
    }

    static StoredConnection stored(ConnectionStatus status) {
        return new StoredConnection(KEY, "17", status, NOW, Optional.empty(), List.of("daily"));
    }

    static String outcome(SyncResult result) {
        return result.fold(
                completed -> "completed",
                deferred -> "deferred:" + deferred.cause() + "@" + deferred.notBefore(),
                failed -> "failed:" + failed.reason(),
                reauth -> "reauth",
                skipped -> "skipped:" + skipped.why());
    }

    static String stepOutcome(SyncStep<?> step) {
        return step.ended().map(SyncJobLifeTest::outcome).orElse("next");
    }

    static Measurement steps(double value, Instant day) {
        return new Measurement(
                DataType.DAILY_STEPS, value, Effective.between(day, day.plus(Duration.ofDays(1))), "steps-" + day);
    }

    static MappedPage page(Measurement... measurements) {
        return ObservationMapping.map(KEY, List.of(measurements), NOW);
    }

    @Test
    void only_an_active_connection_of_a_readable_provider_is_synced() {
        SyncTaken.ReadableJob readable = readable(new SyncTaken(JOB).readable(Optional.of(OURA)));

        assertThat(stepOutcome(
                        readable.connected(Optional.of(stored(ConnectionStatus.ACTIVE)), Optional.of(CREDENTIALS))))
                .isEqualTo("next");
        assertThat(stepOutcome(readable.connected(Optional.empty(), Optional.empty())))
                .isEqualTo("skipped:NOT_CONNECTED");
        assertThat(stepOutcome(readable.connected(Optional.of(stored(ConnectionStatus.REVOKED)), Optional.empty())))
                .isEqualTo("skipped:NOT_ACTIVE");
        assertThat(stepOutcome(readable.connected(
                        Optional.of(stored(ConnectionStatus.REAUTH_REQUIRED)), Optional.of(CREDENTIALS))))
                .isEqualTo("skipped:NOT_ACTIVE");
        assertThat(stepOutcome(readable.connected(Optional.of(stored(ConnectionStatus.ACTIVE)), Optional.empty())))
                .isEqualTo("skipped:NOT_CONNECTED");
    }

    @Test
    void a_provider_no_data_client_reads_is_not_synced_and_its_connection_is_never_asked_for() {
        List<String> asked = new ArrayList<>();

        SyncResult result = new SyncTaken(JOB)
                .readable(Optional.empty())
                .then(readable -> {
                    asked.add("connection");
                    return readable.connected(Optional.of(stored(ConnectionStatus.ACTIVE)), Optional.of(CREDENTIALS));
                })
                .answer(connected -> connected.reading(WINDOW).allRead());

        assertThat(outcome(result)).isEqualTo("skipped:NOT_READABLE");
        assertThat(asked).isEmpty();
    }

    private static SyncTaken.ReadableJob readable(SyncStep<SyncTaken.ReadableJob> step) {
        assertThat(step).isInstanceOf(SyncStep.Next.class);
        return ((SyncStep.Next<SyncTaken.ReadableJob>) step).state();
    }

    @Test
    void a_refresh_before_the_first_page_goes_on_with_the_renewed_credentials_or_ends_the_job() {
        Connected connected = new Connected(OURA, CREDENTIALS);
        SealedCredentials renewed = credentials("b", NOW);

        assertThat(connected.renewed(Renewal.refreshed(renewed)).answer(c -> {
                    assertThat(c.credentials()).isEqualTo(renewed);
                    return c.reading(WINDOW).allRead();
                }))
                .extracting(SyncJobLifeTest::outcome)
                .isEqualTo("completed");
        assertThat(stepOutcome(connected.renewed(Renewal.renewedElsewhere(renewed))))
                .isEqualTo("next");
        assertThat(stepOutcome(connected.renewed(Renewal.reauthRequired("invalid_grant"))))
                .isEqualTo("reauth");
        assertThat(stepOutcome(connected.renewed(Renewal.retryLater("HTTP 503", NOW.plusSeconds(60)))))
                .isEqualTo("deferred:REFRESH_DEFERRED@" + NOW.plusSeconds(60));
        assertThat(stepOutcome(connected.renewed(Renewal.disconnected()))).isEqualTo("skipped:NOT_CONNECTED");
    }

    @Test
    void an_expiring_token_is_refreshed_first_and_a_fresh_one_is_used_as_it_is() {
        Connected connected = new Connected(OURA, CREDENTIALS);

        assertThat(connected.freshness(Duration.ofMinutes(5), NOW).fold(() -> "fresh", due -> "due", e -> "expiring"))
                .isEqualTo("fresh");
        assertThat(connected
                        .freshness(Duration.ofMinutes(5), NOW.plus(Duration.ofMinutes(6)))
                        .fold(() -> "fresh", due -> "due", e -> "expiring"))
                .isEqualTo("due");
    }

    @Test
    void written_pages_add_up_by_kind_and_reason_and_reach_the_latest_written_instant() {
        Instant day1 = NOW.minus(Duration.ofDays(3));
        Instant day2 = NOW.minus(Duration.ofDays(2));
        Reading reading = new Connected(OURA, CREDENTIALS).reading(WINDOW);

        Reading after = reading.written(page(steps(8000, day1), steps(-5, day1.plusSeconds(1))), 1)
                .written(page(steps(9000, day2), steps(Double.NaN, day2.plusSeconds(1))), 0);

        SyncProgress progress = after.progress();
        assertThat(progress.pages()).isEqualTo(2);
        assertThat(progress.written()).isEqualTo(Map.of(DataType.DAILY_STEPS, 2));
        assertThat(progress.changed()).isEqualTo(1);
        assertThat(progress.leftOut())
                .isEqualTo(Map.of(Implausibility.OUT_OF_RANGE, 1, Implausibility.NOT_A_NUMBER, 1));
        assertThat(progress.reach()).contains(day2.plus(Duration.ofDays(1)));
        assertThat(outcome(after.allRead())).isEqualTo("completed");
    }

    @Test
    void the_sync_point_never_moves_back() {
        Instant before = NOW.minus(Duration.ofHours(1));
        SyncProgress reachedEarlier = SyncProgress.none().plus(page(steps(100, NOW.minus(Duration.ofDays(2)))), 1);

        assertThat(reachedEarlier.reachAfter(Optional.of(before))).contains(before);
        assertThat(SyncProgress.none().reachAfter(Optional.of(before))).contains(before);
        assertThat(reachedEarlier.reachAfter(Optional.empty())).contains(NOW.minus(Duration.ofDays(1)));
    }

    @Test
    void a_refused_token_is_refreshed_once_and_a_second_refusal_requires_the_patient() {
        Reading reading = new Connected(OURA, CREDENTIALS).reading(WINDOW);
        SealedCredentials renewed = credentials("b", NOW);

        SyncStep<Reading> afterRefresh = reading.refused()
                .fold(first -> first.renewed(Renewal.refreshed(renewed)), again -> {
                    throw new AssertionError("the first refusal is refreshed");
                });

        SyncResult result = afterRefresh.answer(retried -> {
            assertThat(retried.credentials()).isEqualTo(renewed);
            assertThat(retried.refreshedOnce()).isTrue();
            String second = retried.refused().fold(first -> "refresh again", again -> outcome(again.reauthRequired()));
            assertThat(second).isEqualTo("reauth");
            return retried.allRead();
        });
        assertThat(outcome(result)).isEqualTo("completed");
        String refreshRefused = stepOutcome(
                reading.refused().fold(first -> first.renewed(Renewal.reauthRequired("invalid_grant")), again -> null));
        assertThat(refreshRefused).isEqualTo("reauth");
    }

    @Test
    void a_rate_limit_defers_the_job_until_the_provider_allows_it_again() {
        Reading reading = new Connected(OURA, CREDENTIALS).reading(WINDOW);

        assertThat(outcome(reading.rateLimited(Optional.of(Duration.ofSeconds(120)), Duration.ofSeconds(60), NOW)))
                .isEqualTo("deferred:RATE_LIMITED@" + NOW.plusSeconds(120));
        assertThat(outcome(reading.rateLimited(Optional.empty(), Duration.ofSeconds(60), NOW)))
                .isEqualTo("deferred:RATE_LIMITED@" + NOW.plusSeconds(60));
    }

    @Test
    void an_unreadable_page_fails_the_sync_and_an_unavailable_provider_defers_it() {
        Reading reading = new Connected(OURA, CREDENTIALS).reading(WINDOW);

        assertThat(outcome(reading.unreadable("not JSON"))).isEqualTo("failed:not JSON");
        assertThat(outcome(reading.unavailable("HTTP 502", NOW.plusSeconds(30))))
                .isEqualTo("deferred:PROVIDER_UNAVAILABLE@" + NOW.plusSeconds(30));
    }

    @Test
    void repeat_walks_until_a_step_ends_the_job() {
        Reading start = new Connected(OURA, CREDENTIALS).reading(WINDOW);

        SyncResult result = SyncStep.next(start)
                .repeat(reading -> reading.progress().pages() < 3
                        ? SyncStep.next(reading.written(page(), 0))
                        : SyncStep.done(reading.allRead()));

        int pages = result.fold(c -> c.progress().pages(), d -> -1, f -> -1, r -> -1, s -> -1);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_job_id_is_the_same_for_the_same_job_and_says_nothing_about_the_patient() {
        assertThat(JobId.of(JOB)).isEqualTo(JobId.of(new SyncJob(KEY, "17", NOW)));
        assertThat(JobId.of(JOB)).isNotEqualTo(JobId.of(new SyncJob(KEY, "17", NOW.plusMillis(1))));
        assertThat(JobId.of(JOB))
                .as("asked for within the same millisecond")
                .isNotEqualTo(JobId.of(new SyncJob(KEY, "17", NOW.plusNanos(1_000))));
        assertThat(JobId.of(JOB).value()).hasSize(32).doesNotContain("p-1");
    }
}
