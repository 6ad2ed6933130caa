package health.wearables.application.service;

import static health.wearables.application.service.Syncing.INTERVAL;
import static health.wearables.application.service.Syncing.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.ScheduleSyncs.Schedule;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SyncJob;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every active connection gets an incremental sync once every interval, by one instance at a time. */
class ScheduleSyncsServiceTest {
    private static final ConnectionKey AMARA_OURA = Gateway.key("acme", "amara", "oura");
    private static final ConnectionKey AMARA_WITHINGS = Gateway.key("acme", "amara", "withings");
    private static final ConnectionKey BEN_OURA = Gateway.key("acme", "ben", "oura");
    private static final ConnectionKey CARA_OURA = Gateway.key("globex", "cara", "oura");
    private static final ConnectionKey DAN_OURA = Gateway.key("globex", "dan", "oura");

    private final Syncing gateway = new Syncing();
    /** A second gateway instance: its own use case, the same leases, stores and queue. */
    private final ScheduleSyncsService otherInstance = new ScheduleSyncsService(
            gateway.connections,
            gateway.connections,
            gateway.providers,
            gateway.data,
            gateway.queue,
            gateway.leases,
            INTERVAL,
            gateway.clock);

    private void connectEveryone() {
        for (ConnectionKey key : List.of(AMARA_OURA, AMARA_WITHINGS, BEN_OURA, CARA_OURA, DAN_OURA)) {
            gateway.connected(key, "access-" + key.patient().value(), "refresh", NOW.plusSeconds(3600), NOW);
        }
        gateway.connections.revoke(BEN_OURA);
        gateway.connections.markReauthRequired(gateway.stored(DAN_OURA));
    }

    private List<ConnectionKey> queued() {
        return gateway.queue.jobs().stream().map(SyncJob::key).toList();
    }

    @Test
    void every_active_connection_of_every_project_gets_one_job() {
        connectEveryone();

        Schedule schedule = gateway.schedule.runOnce();

        assertThat(schedule).isEqualTo(new Schedule(true, 3, 2, 0, List.of()));
        assertThat(queued()).containsExactlyInAnyOrder(AMARA_OURA, AMARA_WITHINGS, CARA_OURA);
        assertThat(gateway.queue.jobs())
                .allSatisfy(job -> assertThat(job.requestedAt()).isEqualTo(NOW));
    }

    @Test
    void within_the_interval_no_instance_schedules_again_and_after_it_one_does() {
        connectEveryone();
        gateway.schedule.runOnce();

        assertThat(otherInstance.runOnce()).isEqualTo(Schedule.skipped());
        gateway.clock.advance(INTERVAL.minusSeconds(1));
        assertThat(gateway.schedule.runOnce()).isEqualTo(Schedule.skipped());
        assertThat(gateway.queue.jobs()).hasSize(3);

        gateway.clock.advance(Duration.ofSeconds(1));
        assertThat(otherInstance.runOnce().queued()).isEqualTo(3);
        assertThat(gateway.schedule.runOnce()).isEqualTo(Schedule.skipped());
        assertThat(gateway.queue.jobs()).hasSize(6);
    }

    @Test
    void a_pass_cut_short_by_the_queue_is_tried_again_at_the_next_call() {
        connectEveryone();
        gateway.queue.setAvailable(false);

        Schedule failed = gateway.schedule.runOnce();

        assertThat(failed.ran()).isTrue();
        assertThat(failed.problems()).singleElement().asString().startsWith("sync queue:");
        gateway.queue.setAvailable(true);
        assertThat(otherInstance.runOnce().queued()).isEqualTo(3);
    }

    @Test
    void a_pass_cut_short_by_the_connection_store_is_tried_again_at_the_next_call() {
        connectEveryone();
        gateway.connections.setAvailable(false);

        assertThat(gateway.schedule.runOnce().problems())
                .singleElement()
                .asString()
                .startsWith("connection store:");

        gateway.connections.setAvailable(true);
        assertThat(gateway.schedule.runOnce().queued()).isEqualTo(3);
    }

    @Test
    void without_the_lease_store_nothing_is_scheduled() {
        connectEveryone();
        gateway.leases.setAvailable(false);

        Schedule schedule = gateway.schedule.runOnce();

        assertThat(schedule.ran()).isFalse();
        assertThat(schedule.problems()).singleElement().asString().startsWith("lease:");
        assertThat(gateway.queue.jobs()).isEmpty();
    }

    @Test
    void a_connection_whose_provider_no_data_client_reads_gets_no_job() {
        ConnectionKey amaraStrava = Gateway.key("acme", "amara", "strava");
        ConnectionKey benGarmin = Gateway.key("acme", "ben", "garmin");
        connectEveryone();
        gateway.connected(amaraStrava, "access-strava", "refresh", NOW.plusSeconds(3600), NOW);
        gateway.connected(benGarmin, "access-garmin", "refresh", NOW.plusSeconds(3600), NOW);

        Schedule schedule = gateway.schedule.runOnce();

        // Strava is configured without a data client; Garmin is not configured (any more)
        assertThat(schedule).isEqualTo(new Schedule(true, 3, 2, 2, List.of()));
        assertThat(queued()).containsExactlyInAnyOrder(AMARA_OURA, AMARA_WITHINGS, CARA_OURA);
    }

    @Test
    void no_connection_at_all_is_a_pass_that_queues_nothing() {
        assertThat(gateway.schedule.runOnce()).isEqualTo(new Schedule(true, 0, 0, 0, List.of()));
    }
}
