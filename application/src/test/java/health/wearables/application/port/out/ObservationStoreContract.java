package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.ObservationDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObservationStore} must do; run against the in-memory fake and against the FHIR store. What a write
 * left is read back through {@link #written}, as the test's own view of the store.
 */
public abstract class ObservationStoreContract {
    /** A morning the drafts are taken on (whole seconds: what every store keeps exactly). */
    protected static final Instant MORNING = Instant.parse("2026-11-02T07:30:00Z");

    protected abstract ObservationStore store();

    /** The Observations the store holds for the connection, in any order. */
    protected abstract List<Written> written(ConnectionKey connection);

    /** An Observation as the test reads it back: what it says, and how many versions of it were stored. */
    public record Written(String identifier, DataType type, double value, Effective effective, long version) {}

    protected static ObservationDraft draft(
            ConnectionKey connection, DataType type, String sourceId, double value, Effective effective) {
        return new ObservationDraft(
                connection, type, value, effective, ObservationDraft.identifierOf(connection, type, sourceId));
    }

    protected static ObservationDraft heartRate(ConnectionKey connection, String sourceId, double bpm) {
        return draft(connection, DataType.HEART_RATE, sourceId, bpm, Effective.at(MORNING));
    }

    protected static ObservationDraft dailySteps(ConnectionKey connection, String day, double steps) {
        Instant start = Instant.parse(day + "T00:00:00Z");
        return draft(
                connection,
                DataType.DAILY_STEPS,
                "steps-" + day,
                steps,
                Effective.between(start, start.plus(Duration.ofDays(1))));
    }

    private static Written expected(ObservationDraft draft, long version) {
        return new Written(draft.identifier(), draft.type(), draft.value(), draft.effective(), version);
    }

    @Test
    void a_page_is_written_as_one_observation_per_draft() {
        ConnectionKey connection = Samples.connectionKey();
        ObservationDraft pulse = heartRate(connection, "hr-1", 64);
        ObservationDraft steps = dailySteps(connection, "2026-11-01", 8_412);
        ObservationDraft weight =
                draft(connection, DataType.BODY_WEIGHT, "w-1", 71.4, Effective.at(MORNING.minus(Duration.ofHours(1))));

        int changed = store().write(connection, List.of(pulse, steps, weight));

        assertThat(changed).isEqualTo(3);
        assertThat(written(connection))
                .containsExactlyInAnyOrder(expected(pulse, 1), expected(steps, 1), expected(weight, 1));
    }

    @Test
    void writing_a_page_twice_leaves_the_same_observations_and_counts_nothing_the_second_time() {
        ConnectionKey connection = Samples.connectionKey();
        List<ObservationDraft> page =
                List.of(heartRate(connection, "hr-1", 64), dailySteps(connection, "2026-11-01", 8_412));

        assertThat(store().write(connection, page)).isEqualTo(2);
        assertThat(store().write(connection, page)).isZero();

        assertThat(written(connection)).containsExactlyInAnyOrder(expected(page.get(0), 1), expected(page.get(1), 1));
    }

    @Test
    void overlapping_pages_write_each_record_once() {
        ConnectionKey connection = Samples.connectionKey();
        ObservationDraft first = dailySteps(connection, "2026-10-30", 7_000);
        ObservationDraft second = dailySteps(connection, "2026-10-31", 9_000);
        ObservationDraft third = dailySteps(connection, "2026-11-01", 11_000);

        assertThat(store().write(connection, List.of(first, second))).isEqualTo(2);
        assertThat(store().write(connection, List.of(second, third))).isEqualTo(1);

        assertThat(written(connection))
                .containsExactlyInAnyOrder(expected(first, 1), expected(second, 1), expected(third, 1));
    }

    @Test
    void a_revised_value_is_one_observation_with_a_new_version() {
        ConnectionKey connection = Samples.connectionKey();
        store().write(connection, List.of(dailySteps(connection, "2026-11-01", 4_100)));
        ObservationDraft revised = dailySteps(connection, "2026-11-01", 8_412);

        assertThat(store().write(connection, List.of(revised))).isEqualTo(1);

        assertThat(written(connection)).containsExactly(expected(revised, 2));
    }

    @Test
    void one_record_twice_in_a_page_is_one_observation_with_the_later_value() {
        ConnectionKey connection = Samples.connectionKey();
        ObservationDraft later = heartRate(connection, "hr-1", 66);

        assertThat(store().write(connection, List.of(heartRate(connection, "hr-1", 65), later)))
                .isEqualTo(1);

        assertThat(written(connection)).containsExactly(expected(later, 1));
    }

    @Test
    void drafts_of_two_connections_never_mix() {
        ConnectionKey amara = Samples.connectionKey();
        ConnectionKey other =
                new ConnectionKey(amara.project(), new PatientId(Samples.unique("patient")), amara.provider());
        ObservationDraft hers = heartRate(amara, "hr-1", 64);
        ObservationDraft theirs = heartRate(other, "hr-1", 90);

        store().write(amara, List.of(hers));
        store().write(other, List.of(theirs));

        assertThat(written(amara)).containsExactly(expected(hers, 1));
        assertThat(written(other)).containsExactly(expected(theirs, 1));
    }

    @Test
    void a_page_with_a_draft_of_another_connection_is_refused_and_nothing_is_written() {
        ConnectionKey amara = Samples.connectionKey();
        ConnectionKey other = Samples.connectionKey();
        List<ObservationDraft> mixed = List.of(heartRate(amara, "hr-1", 64), heartRate(other, "hr-1", 90));

        assertThatThrownBy(() -> store().write(amara, mixed)).isInstanceOf(IllegalArgumentException.class);

        assertThat(written(amara)).isEmpty();
        assertThat(written(other)).isEmpty();
    }

    @Test
    void an_empty_page_writes_nothing() {
        ConnectionKey connection = Samples.connectionKey();

        assertThat(store().write(connection, List.of())).isZero();

        assertThat(written(connection)).isEmpty();
    }
}
