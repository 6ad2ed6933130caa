package health.wearables.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationMappingTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final ConnectionKey AMARA_OURA =
            new ConnectionKey(new ProjectId("acme"), new PatientId("amara"), new ProviderSlug("oura"));

    static Measurement heartRate(double value, Instant at) {
        return new Measurement(DataType.HEART_RATE, value, Effective.at(at), "hr-" + at.getEpochSecond());
    }

    static Measurement dailySteps(double value, String day) {
        Instant start = Instant.parse(day + "T00:00:00Z");
        return new Measurement(
                DataType.DAILY_STEPS, value, Effective.between(start, start.plus(Duration.ofDays(1))), "steps-" + day);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "HEART_RATE, 62, ",
        "HEART_RATE, 0, OUT_OF_RANGE",
        "HEART_RATE, 400, OUT_OF_RANGE",
        "HEART_RATE, NaN, NOT_A_NUMBER",
        "HEART_RATE, Infinity, NOT_A_NUMBER",
        "RESTING_HEART_RATE, 19, OUT_OF_RANGE",
        "BODY_WEIGHT, 72.4, ",
        "BODY_WEIGHT, -3, OUT_OF_RANGE",
        "OXYGEN_SATURATION, 101, OUT_OF_RANGE",
        "GLUCOSE, 112, ",
        "BODY_TEMPERATURE, 36.8, "
    })
    void a_point_value_is_judged_by_the_range_of_its_kind(DataType type, double value, Implausibility expected) {
        Measurement measurement = new Measurement(type, value, Effective.at(NOW.minusSeconds(60)), "r1");

        assertThat(ObservationMapping.judge(measurement, NOW)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void negative_steps_are_left_out_and_a_day_of_steps_is_taken() {
        assertThat(ObservationMapping.judge(dailySteps(-1, "2026-11-28"), NOW)).contains(Implausibility.OUT_OF_RANGE);
        assertThat(ObservationMapping.judge(dailySteps(8_042, "2026-11-28"), NOW))
                .isEmpty();
    }

    @Test
    void times_before_2000_or_in_the_future_are_left_out_with_five_minutes_allowed_for_clocks() {
        assertThat(ObservationMapping.judge(heartRate(60, Instant.parse("1999-12-31T23:59:59Z")), NOW))
                .contains(Implausibility.TOO_OLD);
        assertThat(ObservationMapping.judge(heartRate(60, NOW.plus(Duration.ofMinutes(5))), NOW))
                .isEmpty();
        assertThat(ObservationMapping.judge(heartRate(60, NOW.plus(Duration.ofMinutes(6))), NOW))
                .contains(Implausibility.IN_THE_FUTURE);
        assertThat(ObservationMapping.judge(dailySteps(100, "2026-11-30"), NOW))
                .as("today's steps end at midnight, in the future")
                .contains(Implausibility.IN_THE_FUTURE);
    }

    @Test
    void a_kind_measured_over_time_needs_a_forward_interval_and_a_point_kind_an_instant() {
        Instant start = NOW.minus(Duration.ofHours(8));
        assertThat(ObservationMapping.judge(
                        new Measurement(DataType.SLEEP_DURATION, 420, Effective.between(start, start), "s1"), NOW))
                .contains(Implausibility.MALFORMED_TIME);
        assertThat(ObservationMapping.judge(
                        new Measurement(DataType.SLEEP_DURATION, 420, Effective.at(start), "s1"), NOW))
                .contains(Implausibility.MALFORMED_TIME);
        assertThat(ObservationMapping.judge(
                        new Measurement(DataType.HEART_RATE, 60, Effective.between(start, NOW), "h1"), NOW))
                .contains(Implausibility.MALFORMED_TIME);
        assertThat(ObservationMapping.judge(
                        new Measurement(
                                DataType.SLEEP_DURATION,
                                420,
                                Effective.between(start, start.plus(Duration.ofHours(7))),
                                "s1"),
                        NOW))
                .isEmpty();
    }

    @Test
    void a_page_maps_what_is_plausible_and_counts_what_is_not_by_reason_only() {
        MappedPage page = ObservationMapping.map(
                AMARA_OURA,
                List.of(
                        heartRate(61, NOW.minusSeconds(600)),
                        heartRate(0, NOW.minusSeconds(300)),
                        heartRate(Double.NaN, NOW.minusSeconds(200)),
                        dailySteps(-5, "2026-11-27"),
                        dailySteps(9_120, "2026-11-28")),
                NOW);

        assertThat(page.observations())
                .extracting(ObservationDraft::type, ObservationDraft::value)
                .containsExactly(tuple(DataType.HEART_RATE, 61.0), tuple(DataType.DAILY_STEPS, 9_120.0));
        assertThat(page.leftOut()).isEqualTo(Map.of(Implausibility.OUT_OF_RANGE, 2, Implausibility.NOT_A_NUMBER, 1));
        assertThat(page.leftOutCount()).isEqualTo(3);
        assertThat(page.reach()).as("the latest end of what is written").contains(NOW.minusSeconds(600));
    }

    @Test
    void a_page_reaches_the_end_of_a_span_and_with_nothing_to_write_nowhere() {
        assertThat(ObservationMapping.map(AMARA_OURA, List.of(dailySteps(9_120, "2026-11-28")), NOW)
                        .reach())
                .contains(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(ObservationMapping.map(AMARA_OURA, List.of(heartRate(0, NOW)), NOW)
                        .reach())
                .isEmpty();
    }

    @Test
    void the_same_provider_record_gets_the_same_identifier_every_time_and_a_revision_replaces_its_value() {
        Measurement first = dailySteps(4_000, "2026-11-28");
        Measurement revised = dailySteps(9_120, "2026-11-28");

        MappedPage once = ObservationMapping.map(AMARA_OURA, List.of(first), NOW);
        MappedPage again = ObservationMapping.map(AMARA_OURA, List.of(revised), NOW);
        MappedPage bothInOnePage = ObservationMapping.map(AMARA_OURA, List.of(first, revised), NOW);

        assertThat(again.observations().get(0).identifier())
                .isEqualTo(once.observations().get(0).identifier());
        assertThat(bothInOnePage.observations())
                .singleElement()
                .satisfies(draft -> assertThat(draft.value()).isEqualTo(9_120.0));
    }

    @Test
    void identifiers_differ_across_projects_patients_providers_and_kinds_and_say_nothing_of_the_patient() {
        String base = ObservationDraft.identifierOf(AMARA_OURA, DataType.HEART_RATE, "r1");
        ConnectionKey otherProject =
                new ConnectionKey(new ProjectId("globex"), new PatientId("amara"), new ProviderSlug("oura"));
        ConnectionKey otherPatient =
                new ConnectionKey(new ProjectId("acme"), new PatientId("bruno"), new ProviderSlug("oura"));
        ConnectionKey otherProvider =
                new ConnectionKey(new ProjectId("acme"), new PatientId("amara"), new ProviderSlug("whoop"));

        assertThat(List.of(
                        ObservationDraft.identifierOf(otherProject, DataType.HEART_RATE, "r1"),
                        ObservationDraft.identifierOf(otherPatient, DataType.HEART_RATE, "r1"),
                        ObservationDraft.identifierOf(otherProvider, DataType.HEART_RATE, "r1"),
                        ObservationDraft.identifierOf(AMARA_OURA, DataType.RESTING_HEART_RATE, "r1"),
                        ObservationDraft.identifierOf(AMARA_OURA, DataType.HEART_RATE, "r2")))
                .doesNotContain(base);
        assertThat(base).matches("[0-9a-f]{64}").doesNotContain("amara");
    }
}
