package health.wearables.application.service;

import static health.wearables.application.service.ScriptedProviderData.last;
import static health.wearables.application.service.ScriptedProviderData.page;
import static health.wearables.application.service.Syncing.AMARA_OURA;
import static health.wearables.application.service.Syncing.NOW;
import static health.wearables.application.service.Syncing.RETRY;
import static health.wearables.application.service.Syncing.restingHeartRate;
import static health.wearables.application.service.Syncing.steps;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.ProviderData;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Implausibility;
import health.wearables.domain.sync.ObservationDraft;
import health.wearables.domain.sync.SyncResult;
import health.wearables.domain.sync.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One sync job: the window read page by page into Observations, and what each provider answer does (G 48–57). */
class SyncConnectionServiceTest {
    private final Syncing gateway = new Syncing();

    private static String outcome(SyncResult result) {
        return result.fold(
                completed -> "completed",
                deferred -> "deferred:" + deferred.cause() + " until " + deferred.notBefore(),
                failed -> "failed",
                reauth -> "reauth-required",
                skipped -> "skipped:" + skipped.why());
    }

    private static SyncResult.Completed completed(SyncResult result) {
        return result.fold(
                completed -> completed,
                SyncConnectionServiceTest::unexpected,
                SyncConnectionServiceTest::unexpected,
                SyncConnectionServiceTest::unexpected,
                SyncConnectionServiceTest::unexpected);
    }

    private static SyncResult.Completed unexpected(SyncResult result) {
        throw new AssertionError("expected a completed sync, got " + result);
    }

    /** Reads seen by the provider when each page's hook ran: one entry a page, before it was read. */
    private final List<Integer> readsBeforeEachPage = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SyncResult sync(ConnectionKey key) {
        return gateway.sync.sync(
                gateway.jobFor(key),
                () -> readsBeforeEachPage.add(gateway.data.reads().size()));
    }

    private List<String> bearers() {
        return gateway.data.reads().stream()
                .map(ScriptedProviderData.Read::bearer)
                .toList();
    }

    @Test
    void a_first_sync_reads_the_backfill_page_by_page_and_advances_the_sync_point_to_what_it_reached() {
        gateway.amaraConnected();
        gateway.data
                .first(page("p2", steps(29, 4_200), steps(28, 6_100)))
                .at("p2", page("p3", restingHeartRate(30, 58), restingHeartRate(6, 61)))
                .at("p3", last(steps(1, 9_800)));

        SyncResult.Completed result = completed(sync(AMARA_OURA));

        assertThat(gateway.data.reads())
                .extracting(ScriptedProviderData.Read::cursor)
                .containsExactly(Optional.empty(), Optional.of("p2"), Optional.of("p3"));
        assertThat(gateway.data.reads())
                .allSatisfy(read ->
                        assertThat(read.window()).isEqualTo(new SyncWindow(NOW.minus(Duration.ofDays(30)), NOW)));
        assertThat(bearers()).containsOnly("access-0");
        assertThat(result.progress().pages()).isEqualTo(3);
        assertThat(readsBeforeEachPage)
                .as("the worker's hook, before each page is read")
                .containsExactly(0, 1, 2);
        assertThat(result.progress().written())
                .isEqualTo(Map.of(DataType.DAILY_STEPS, 3, DataType.RESTING_HEART_RATE, 2));
        assertThat(result.progress().changed()).isEqualTo(5);
        assertThat(gateway.observations.observations()).hasSize(5);
        assertThat(gateway.observations.transactions())
                .as("one transaction a page")
                .isEqualTo(3);
        assertThat(gateway.syncPoints.find(AMARA_OURA))
                .contains(new SyncPoint(Optional.of(NOW), NOW, Outcome.OK)); // the day of steps ending now
    }

    @Test
    void a_later_sync_starts_at_the_sync_point_less_the_look_back() {
        gateway.amaraConnected();
        Instant reached = NOW.minus(Duration.ofHours(3));
        gateway.syncPoints.record(AMARA_OURA, new SyncPoint(Optional.of(reached), reached, Outcome.OK));
        gateway.data.first(last(restingHeartRate(1, 60)));

        SyncResult.Completed result = completed(sync(AMARA_OURA));

        assertThat(result.window()).isEqualTo(new SyncWindow(reached.minus(Duration.ofDays(2)), NOW));
        assertThat(gateway.syncPoints.find(AMARA_OURA).flatMap(SyncPoint::reach))
                .contains(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void the_same_window_synced_twice_leaves_no_duplicate_and_a_revised_value_replaces_the_old_one() {
        gateway.amaraConnected();
        gateway.data.first(page("p2", steps(3, 8_000), steps(2, 7_000))).at("p2", last(restingHeartRate(5, 59)));
        completed(sync(AMARA_OURA));
        gateway.data.first(page("p2", steps(3, 8_000), steps(2, 7_450))).at("p2", last(restingHeartRate(5, 59)));

        SyncResult.Completed again = completed(sync(AMARA_OURA));

        assertThat(gateway.observations.observations()).hasSize(3);
        assertThat(again.progress().changed()).as("only the revised day").isEqualTo(1);
        assertThat(gateway.observations.observations())
                .filteredOn(draft -> draft.type() == DataType.DAILY_STEPS)
                .extracting(ObservationDraft::value)
                .containsExactlyInAnyOrder(8_000.0, 7_450.0);
    }

    @Test
    void implausible_values_are_counted_by_reason_and_never_written() {
        gateway.amaraConnected();
        gateway.data.first(last(
                steps(3, -40),
                restingHeartRate(4, 0),
                restingHeartRate(5, 400),
                restingHeartRate(6, Double.NaN),
                steps(2, 5_000)));

        SyncResult.Completed result = completed(sync(AMARA_OURA));

        assertThat(gateway.observations.observations())
                .extracting(ObservationDraft::value)
                .containsExactly(5_000.0);
        assertThat(result.progress().leftOut())
                .isEqualTo(Map.of(Implausibility.OUT_OF_RANGE, 3, Implausibility.NOT_A_NUMBER, 1));
        assertThat(result.progress().writtenCount()).isEqualTo(1);
    }

    @Test
    void a_connection_that_is_not_active_is_not_read() {
        gateway.amaraConnected();
        gateway.connections.revoke(AMARA_OURA);
        gateway.data.first(last(steps(2, 5_000)));

        assertThat(outcome(sync(AMARA_OURA))).isEqualTo("skipped:NOT_ACTIVE");
        gateway.amaraConnected();
        gateway.connections.markReauthRequired(gateway.stored(AMARA_OURA));
        assertThat(outcome(sync(AMARA_OURA))).isEqualTo("skipped:NOT_ACTIVE");

        assertThat(gateway.data.reads()).isEmpty();
        assertThat(gateway.tokenEndpoint.calls()).isZero();
        assertThat(gateway.syncPoints.recorded()).isEmpty();
    }

    @Test
    void nothing_stored_or_no_data_client_for_the_provider_is_not_read() {
        ConnectionKey strava = Gateway.key("acme", "amara", "strava");
        gateway.connected(strava, "access-s", "refresh-s", NOW.plusSeconds(3600), NOW);

        assertThat(outcome(sync(Gateway.key("acme", "nobody", "oura")))).isEqualTo("skipped:NOT_CONNECTED");
        int lookedUp = gateway.syncPoints.finds();
        assertThat(outcome(sync(strava))).isEqualTo("skipped:NOT_READABLE");
        assertThat(gateway.syncPoints.finds())
                .as("the store is not asked about a provider it cannot read")
                .isEqualTo(lookedUp);
        assertThat(gateway.data.reads()).isEmpty();
    }

    @Test
    void an_expiring_token_is_refreshed_and_stored_before_the_first_page_is_read() {
        gateway.amaraExpiring();
        gateway.data.first(last(steps(2, 5_000)));
        List<String> storedAtRead = new ArrayList<>();
        gateway.data.onRead(read -> storedAtRead.add(gateway.storedAccess(AMARA_OURA)));

        assertThat(outcome(sync(AMARA_OURA))).isEqualTo("completed");

        assertThat(gateway.tokenEndpoint.sent()).containsExactly("refresh-0");
        assertThat(bearers()).containsExactly("access-1");
        assertThat(storedAtRead).as("stored before it was used").containsExactly("access-1");
    }

    @Test
    void a_refused_access_token_is_refreshed_once_and_the_same_page_read_again() {
        gateway.amaraConnected();
        gateway.data
                .first(page("p2", steps(3, 8_000)))
                .at("p2", new ProviderData.Unauthorized(), last(steps(2, 7_000)));

        SyncResult.Completed result = completed(sync(AMARA_OURA));

        assertThat(gateway.tokenEndpoint.calls()).isEqualTo(1);
        assertThat(gateway.data.reads())
                .extracting(read -> read.bearer() + "@" + read.cursor().orElse("first"))
                .containsExactly("access-0@first", "access-0@p2", "access-1@p2");
        assertThat(result.progress().pages()).isEqualTo(2);
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void refused_again_after_the_refresh_the_connection_is_reauth_required() {
        gateway.amaraConnected();
        gateway.data.first(page("p2", steps(3, 8_000))).at("p2", new ProviderData.Unauthorized());

        SyncResult result = sync(AMARA_OURA);

        assertThat(outcome(result)).isEqualTo("reauth-required");
        assertThat(gateway.tokenEndpoint.calls()).as("one refresh, no second").isEqualTo(1);
        assertThat(gateway.data.reads()).hasSize(3);
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
        assertThat(gateway.syncPoints.find(AMARA_OURA)).contains(new SyncPoint(Optional.empty(), NOW, Outcome.FAILED));
        assertThat(outcome(sync(AMARA_OURA))).as("and never tried again").isEqualTo("skipped:NOT_ACTIVE");
        assertThat(gateway.tokenEndpoint.calls()).isEqualTo(1);
    }

    @Test
    void invalid_grant_at_the_refresh_before_reading_makes_it_reauth_required_and_reads_nothing() {
        gateway.amaraExpiring();
        gateway.tokenEndpoint.answerWith(new ExchangeResult.Refused("invalid_grant"));

        assertThat(outcome(sync(AMARA_OURA))).isEqualTo("reauth-required");

        assertThat(gateway.data.reads()).isEmpty();
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
    }

    @Test
    void a_server_error_at_the_refresh_defers_the_job_and_leaves_the_connection_active() {
        gateway.amaraExpiring();
        gateway.tokenEndpoint.answerWith(new ExchangeResult.Failed("HTTP 502"));

        assertThat(outcome(sync(AMARA_OURA))).isEqualTo("deferred:REFRESH_DEFERRED until " + NOW.plus(RETRY));

        assertThat(gateway.data.reads()).isEmpty();
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(gateway.syncPoints.recorded()).isEmpty();
    }

    @Test
    void a_429_stops_the_job_until_retry_after_without_another_request() {
        gateway.amaraConnected();
        gateway.data
                .first(page("p2", steps(3, 8_000)))
                .at("p2", new ProviderData.RateLimited(Optional.of(Duration.ofMinutes(2))));

        SyncResult result = sync(AMARA_OURA);

        assertThat(outcome(result)).isEqualTo("deferred:RATE_LIMITED until " + NOW.plusSeconds(120));
        assertThat(gateway.data.reads()).hasSize(2);
        assertThat(gateway.syncPoints.recorded())
                .as("the job comes back; the point stays")
                .isEmpty();
        assertThat(gateway.observations.observations())
                .as("the page before stays")
                .hasSize(1);
    }

    @Test
    void a_429_without_retry_after_waits_the_default() {
        gateway.amaraConnected();
        gateway.data.first(new ProviderData.RateLimited(Optional.empty()));

        assertThat(outcome(sync(AMARA_OURA))).isEqualTo("deferred:RATE_LIMITED until " + NOW.plus(RETRY));
    }

    @Test
    void a_malformed_page_fails_the_sync_and_the_sync_point_does_not_advance() {
        gateway.amaraConnected();
        Instant reached = NOW.minus(Duration.ofDays(1));
        gateway.syncPoints.record(AMARA_OURA, new SyncPoint(Optional.of(reached), reached, Outcome.OK));
        gateway.data.first(page("p2", restingHeartRate(2, 57))).at("p2", new ProviderData.Unreadable("not JSON"));

        SyncResult result = sync(AMARA_OURA);

        assertThat(outcome(result)).isEqualTo("failed");
        assertThat(gateway.syncPoints.find(AMARA_OURA))
                .contains(new SyncPoint(Optional.of(reached), NOW, Outcome.FAILED));
        assertThat(gateway.observations.observations())
                .as("written pages stay: idempotent")
                .hasSize(1);
    }

    @Test
    void a_provider_that_does_not_answer_defers_the_job() {
        gateway.amaraConnected();
        gateway.data.first(new ProviderData.Unavailable("HTTP 503"));

        assertThat(outcome(sync(AMARA_OURA))).isEqualTo("deferred:PROVIDER_UNAVAILABLE until " + NOW.plus(RETRY));
        assertThat(gateway.syncPoints.recorded()).isEmpty();
    }

    @Test
    void a_store_that_cannot_be_reached_defers_the_job() {
        gateway.amaraConnected();
        gateway.data.first(last(steps(2, 5_000)));
        gateway.observations.setAvailable(false);

        assertThat(outcome(sync(AMARA_OURA))).isEqualTo("deferred:STORE_UNAVAILABLE until " + NOW.plus(RETRY));

        gateway.connections.setAvailable(false);
        assertThat(outcome(sync(AMARA_OURA))).isEqualTo("deferred:STORE_UNAVAILABLE until " + NOW.plus(RETRY));
    }

    @Test
    void sixteen_concurrent_syncs_of_one_expiring_connection_make_exactly_one_refresh_and_all_use_its_token()
            throws Exception {
        Syncing gateway = new Syncing(5_000); // waits of 2 ms: up to 10 s for the one refresh
        gateway.amaraExpiring();
        gateway.data.first(page("p2", steps(3, 8_000), steps(2, 7_000))).at("p2", last(restingHeartRate(5, 59)));
        int runs = 16;
        Set<Thread> waiting = ConcurrentHashMap.newKeySet();
        CountDownLatch everyoneWaits = new CountDownLatch(runs - 1);
        gateway.pauseAs(duration -> {
            if (waiting.add(Thread.currentThread())) {
                everyoneWaits.countDown();
            }
            sleep(Duration.ofMillis(2));
        });
        gateway.tokenEndpoint.meanwhile(() -> await(everyoneWaits)); // answers once the 15 others wait for the lease
        List<Boolean> storedBeforeUse = new java.util.concurrent.CopyOnWriteArrayList<>();
        gateway.data.onRead(read -> storedBeforeUse.add(read.bearer().equals(gateway.storedAccess(AMARA_OURA))));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        List<Future<SyncResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                Callable<SyncResult> run = () -> {
                    start.await();
                    return gateway.sync.sync(gateway.jobFor(AMARA_OURA), () -> {});
                };
                results.add(pool.submit(run));
            }
            start.countDown();
            for (Future<SyncResult> result : results) {
                assertThat(outcome(result.get(30, TimeUnit.SECONDS))).isEqualTo("completed");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(gateway.tokenEndpoint.calls())
                .as("exactly one refresh request")
                .isEqualTo(1);
        assertThat(gateway.tokenEndpoint.sent()).containsExactly("refresh-0");
        assertThat(gateway.data.reads().stream().map(ScriptedProviderData.Read::bearer))
                .hasSize(2 * runs)
                .containsOnly("access-1");
        assertThat(storedBeforeUse).hasSize(2 * runs).containsOnly(true);
        assertThat(gateway.storedRefresh(AMARA_OURA)).isEqualTo("refresh-1");
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(gateway.observations.observations()).as("no duplicates").hasSize(3);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS))
                    .as("the other runs wait for the lease")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
