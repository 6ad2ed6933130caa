package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.domain.ConnectionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SyncPoints} must do; run against the in-memory fake and against the FHIR store. A sync point is
 * kept with its connection, so the connections under test are saved first through the same store's
 * {@link ConnectionStore}.
 */
public abstract class SyncPointsContract {
    private static final Instant NOON = Instant.parse("2026-11-02T12:00:00Z");

    protected abstract SyncPoints points();

    /** The same store, where the connections under test are saved. */
    protected abstract ConnectionStore store();

    private ConnectionKey storedConnection() {
        ConnectionKey key = Samples.connectionKey();
        store().save(Samples.sealed(new ReversibleTokenCipher(), key, "access-s", Optional.of("refresh-s")));
        return key;
    }

    private static SyncPoint ok(Instant reach, Instant finishedAt) {
        return new SyncPoint(Optional.of(reach), finishedAt, Outcome.OK);
    }

    @Test
    void a_connection_never_synced_has_no_sync_point() {
        assertThat(points().find(storedConnection())).isEmpty();
    }

    @Test
    void a_recorded_sync_is_found_as_it_was_recorded() {
        ConnectionKey connection = storedConnection();
        // Instant.now() has microseconds on most machines: they are kept
        SyncPoint point = ok(NOON.minus(Duration.ofMinutes(5)), Instant.now());

        points().record(connection, point);

        assertThat(points().find(connection)).contains(point);
    }

    @Test
    void a_later_sync_moves_reach_forward() {
        ConnectionKey connection = storedConnection();
        points().record(connection, ok(NOON, NOON.plusSeconds(30)));
        SyncPoint later = ok(
                NOON.plus(Duration.ofHours(1)), NOON.plus(Duration.ofHours(1)).plusSeconds(30));

        points().record(connection, later);

        assertThat(points().find(connection)).contains(later);
    }

    @Test
    void a_failed_sync_never_moves_reach() {
        ConnectionKey connection = storedConnection();
        points().record(connection, ok(NOON, NOON.plusSeconds(30)));
        Instant failedAt = NOON.plus(Duration.ofHours(1));

        points().record(
                        connection,
                        new SyncPoint(Optional.of(NOON.plus(Duration.ofHours(1))), failedAt, Outcome.FAILED));

        assertThat(points().find(connection)).contains(new SyncPoint(Optional.of(NOON), failedAt, Outcome.FAILED));
    }

    @Test
    void a_first_sync_that_failed_has_no_reach() {
        ConnectionKey connection = storedConnection();

        points().record(connection, new SyncPoint(Optional.of(NOON), NOON.plusSeconds(30), Outcome.FAILED));

        assertThat(points().find(connection))
                .contains(new SyncPoint(Optional.empty(), NOON.plusSeconds(30), Outcome.FAILED));
    }

    @Test
    void a_sync_that_wrote_nothing_keeps_reach_and_a_good_sync_after_a_failed_one_clears_the_failure() {
        ConnectionKey connection = storedConnection();
        points().record(connection, ok(NOON, NOON.plusSeconds(30)));
        points().record(connection, new SyncPoint(Optional.empty(), NOON.plusSeconds(60), Outcome.FAILED));
        Instant quietAt = NOON.plus(Duration.ofHours(1));

        points().record(connection, new SyncPoint(Optional.empty(), quietAt, Outcome.OK));

        assertThat(points().find(connection)).contains(ok(NOON, quietAt));
    }

    @Test
    void reach_never_moves_back() {
        ConnectionKey connection = storedConnection();
        points().record(connection, ok(NOON, NOON.plusSeconds(30)));
        Instant finishedAt = NOON.plus(Duration.ofHours(1));

        // a look-back re-read only older data: the latest it wrote lies before what was reached already
        points().record(connection, ok(NOON.minus(Duration.ofDays(1)), finishedAt));

        assertThat(points().find(connection)).contains(ok(NOON, finishedAt));
    }

    @Test
    void connections_keep_their_own_sync_points() {
        ConnectionKey one = storedConnection();
        ConnectionKey other = storedConnection();

        points().record(one, ok(NOON, NOON.plusSeconds(30)));

        assertThat(points().find(one)).isPresent();
        assertThat(points().find(other)).isEmpty();
    }

    @Test
    void a_connection_that_is_not_stored_keeps_no_sync_point() {
        ConnectionKey unknown = Samples.connectionKey();

        points().record(unknown, ok(NOON, NOON.plusSeconds(30)));

        assertThat(points().find(unknown)).isEmpty();
    }

    @Test
    void a_reconnect_keeps_the_sync_point() {
        ConnectionKey connection = storedConnection();
        SyncPoint point = ok(NOON, NOON.plusSeconds(30));
        points().record(connection, point);

        store().save(Samples.sealed(new ReversibleTokenCipher(), connection, "access-again", Optional.empty()));

        assertThat(points().find(connection)).contains(point);
    }
}
