package health.wearables.adapters.rest.app.config.demo;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.app.config.demo.SyntheticWearable.Observation;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.ObservationMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticWearableTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    /** From before the first day the wearable holds (30 days before today, UTC) to now. */
    private static final Instant EVERYTHING = Instant.parse("2026-10-20T00:00:00Z");

    @Test
    void a_wearable_that_measures_the_heart_rate_hourly_has_the_same_days_with_fewer_heart_rates() {
        Map<DataType, Long> byType =
                SyntheticWearable.observations("amara", EVERYTHING, NOW, NOW, Duration.ofHours(1)).stream()
                        .collect(Collectors.groupingBy(Observation::type, Collectors.counting()));

        assertThat(byType)
                .containsEntry(DataType.DAILY_STEPS, 30L)
                .containsEntry(DataType.HEART_RATE, 30L * 24 + 10)
                .containsEntry(DataType.SLEEP_DURATION, 31L)
                .containsEntry(DataType.RESTING_HEART_RATE, 31L);
        assertThat(byType.values().stream().mapToLong(Long::longValue).sum())
                .as("one page of the data API")
                .isLessThanOrEqualTo(DemoProviderResource.PAGE_SIZE);
    }

    @Test
    void thirty_days_of_steps_five_minute_heart_rate_nightly_sleep_and_weekly_weight() {
        Map<DataType, Long> byType = SyntheticWearable.observations("amara", EVERYTHING, NOW, NOW).stream()
                .collect(Collectors.groupingBy(Observation::type, Collectors.counting()));

        assertThat(byType)
                .containsEntry(DataType.DAILY_STEPS, 30L)
                .containsEntry(DataType.HEART_RATE, 30L * 288 + 120)
                .containsEntry(DataType.SLEEP_DURATION, 31L)
                .containsEntry(DataType.DEEP_SLEEP, 31L)
                .containsEntry(DataType.LIGHT_SLEEP, 31L)
                .containsEntry(DataType.REM_SLEEP, 31L)
                .containsEntry(DataType.RESTING_HEART_RATE, 31L);
        List<Instant> weighIns = SyntheticWearable.observations("amara", EVERYTHING, NOW, NOW).stream()
                .filter(observation -> observation.type() == DataType.BODY_WEIGHT)
                .map(observation -> observation.effective().start())
                .toList();
        assertThat(weighIns).hasSizeBetween(4, 5);
        for (int i = 1; i < weighIns.size(); i++) {
            assertThat(ChronoUnit.DAYS.between(
                            LocalDate.ofInstant(weighIns.get(i - 1), ZoneOffset.UTC),
                            LocalDate.ofInstant(weighIns.get(i), ZoneOffset.UTC)))
                    .as("a week between weigh-ins")
                    .isEqualTo(7);
        }
    }

    @Test
    void every_value_passes_the_domains_plausibility_rules_and_nothing_lies_ahead() {
        List<Observation> observations = SyntheticWearable.observations("amara", EVERYTHING, NOW, NOW);

        assertThat(observations)
                .isNotEmpty()
                .allSatisfy(observation -> assertThat(ObservationMapping.judge(
                                new Measurement(
                                        observation.type(),
                                        observation.value(),
                                        observation.effective(),
                                        observation.id()),
                                NOW))
                        .as(observation.toString())
                        .isEmpty());
        assertThat(observations)
                .allSatisfy(
                        observation -> assertThat(observation.effective().end()).isBeforeOrEqualTo(NOW));
    }

    @Test
    void the_same_user_gets_the_same_records_every_time_and_another_user_others() {
        List<Observation> once = SyntheticWearable.observations("amara", EVERYTHING, NOW, NOW);
        List<Observation> again = SyntheticWearable.observations("amara", EVERYTHING, NOW, NOW);
        List<Observation> ben = SyntheticWearable.observations("ben", EVERYTHING, NOW, NOW);

        assertThat(again).isEqualTo(once);
        assertThat(ben)
                .extracting(Observation::value)
                .isNotEqualTo(once.stream().map(Observation::value).toList());
    }

    @Test
    void a_later_sync_finds_a_day_it_read_before_unchanged() {
        List<Observation> today = SyntheticWearable.observations(
                "amara", Instant.parse("2026-11-19T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"), NOW);
        List<Observation> tomorrow = SyntheticWearable.observations(
                "amara",
                Instant.parse("2026-11-19T00:00:00Z"),
                Instant.parse("2026-11-20T00:00:00Z"),
                NOW.plus(Duration.ofDays(1)));

        assertThat(tomorrow).isEqualTo(today);
    }

    @Test
    void only_what_starts_in_the_window_is_served_and_each_record_once() {
        Instant start = Instant.parse("2026-11-10T12:00:00Z");
        Instant end = Instant.parse("2026-11-12T12:00:00Z");

        List<Observation> observations = SyntheticWearable.observations("amara", start, end, NOW);

        assertThat(observations)
                .isNotEmpty()
                .allSatisfy(observation -> assertThat(observation.effective().start())
                        .isAfterOrEqualTo(start)
                        .isBefore(end));
        assertThat(observations.stream()
                        .map(observation -> observation.type() + " " + observation.id())
                        .distinct())
                .hasSize(observations.size());
    }
}
