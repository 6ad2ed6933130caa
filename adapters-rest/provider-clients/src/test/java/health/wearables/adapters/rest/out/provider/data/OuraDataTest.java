package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Request;
import health.wearables.adapters.rest.out.provider.data.simulator.OuraSimulator;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OuraDataTest extends ProviderDataContract<OuraSimulator> {
    private static final ZoneOffset PACIFIC = ZoneOffset.ofHours(-8);

    @Override
    OuraSimulator start() {
        return OuraSimulator.start();
    }

    @Override
    ProviderSlug provider() {
        return new ProviderSlug("oura");
    }

    @Override
    int seedSeveralPages() {
        simulator.pageSize(3);
        for (int day = 1; day <= 5; day++) {
            LocalDate date = LocalDate.of(2026, 11, 14 + day);
            simulator.dailyActivity(date, date.atTime(4, 0).atOffset(PACIFIC), 7000 + day, 300 + day);
        }
        simulator.dailyActivity(
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1).atTime(4, 0).atOffset(PACIFIC), 9999, 999);
        Instant from = window().from();
        for (int sample = 0; sample < 7; sample++) {
            simulator.heartRate(from.plus(Duration.ofDays(3L * sample)).plusSeconds(60), 60 + sample);
        }
        for (int sample = 0; sample < 4; sample++) {
            simulator.heartRate(from.plus(Duration.ofDays(31 + 2 * sample)), 70 + sample);
        }
        simulator.heartRate(from.minus(Duration.ofDays(10)), 99);
        simulator
                .sleep("s1", "long_sleep", night(11, 23), night(12, 7), 25_200, 5_400, 14_400, 5_400, 42, 51)
                .sleep("s2", "long_sleep", night(12, 23), night(13, 7), 24_000, 4_800, 13_800, 5_400, 38, 53)
                .sleep("s3", "late_nap", night(14, 13), night(14, 14), 3_000, 600, 1_800, 600, null, 58)
                .sleep("s4", "rest", night(15, 13), night(15, 14), 1_800, 0, 1_800, 0, 30, 60);
        simulator
                .dailySpo2(LocalDate.of(2026, 11, 12), 97.5)
                .dailySpo2(LocalDate.of(2026, 11, 13), 96.0)
                .dailySpo2(LocalDate.of(2026, 11, 14), null)
                .dailySpo2(LocalDate.of(2026, 11, 15), 98.25);
        return 5 * 2 + 11 + (6 + 6 + 5) + 3;
    }

    private static OffsetDateTime night(int day, int hour) {
        return OffsetDateTime.of(2026, 11, day, hour, 0, 0, 0, PACIFIC);
    }

    @Test
    void a_day_of_activity_is_daily_steps_and_active_energy_over_the_oura_day() {
        OffsetDateTime start = OffsetDateTime.of(2026, 11, 19, 4, 0, 0, 0, PACIFIC);
        simulator.dailyActivity(LocalDate.of(2026, 11, 19), start, 8_421, 512);

        Effective day = Effective.between(start.toInstant(), start.toInstant().plus(Duration.ofDays(1)));
        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(DataType.DAILY_STEPS, 8_421, day, "daily_activity/2026-11-19"),
                        new Measurement(DataType.ACTIVE_ENERGY, 512, day, "daily_activity/2026-11-19"));
    }

    @Test
    void the_date_collections_are_asked_for_the_window_one_day_wider_on_each_side() {
        readAll();

        for (String path : List.of(OuraSimulator.DAILY_ACTIVITY, OuraSimulator.SLEEP, OuraSimulator.DAILY_SPO2)) {
            assertThat(simulator.requests(path))
                    .singleElement()
                    .satisfies(request -> assertThat(request.query())
                            .containsEntry("start_date", "2026-10-11")
                            .containsEntry("end_date", "2026-11-22")
                            .doesNotContainKey("next_token"));
        }
    }

    @Test
    void heart_rate_is_asked_by_instants_in_slices_of_at_most_30_days() {
        readAll();

        List<Request> requests = simulator.requests(OuraSimulator.HEART_RATE);
        assertThat(requests)
                .extracting(Request::query)
                .satisfiesExactly(
                        first -> assertThat(first)
                                .containsEntry("start_datetime", "2026-10-12T10:00:00Z")
                                .containsEntry("end_datetime", "2026-11-11T10:00:00Z"),
                        second -> assertThat(second)
                                .containsEntry("start_datetime", "2026-11-11T10:00:00Z")
                                .containsEntry("end_datetime", "2026-11-21T10:00:00Z"));
    }

    @Test
    void heart_rate_samples_are_points_named_by_their_instant() {
        Instant at = Instant.parse("2026-11-20T08:15:00Z");
        simulator.heartRate(at, 64);

        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(DataType.HEART_RATE, 64, Effective.at(at), "heartrate/2026-11-20T08:15:00Z"));
    }

    @Test
    void a_night_is_its_durations_in_minutes_with_rmssd_and_resting_heart_rate_at_its_end() {
        OffsetDateTime start = night(19, 23);
        OffsetDateTime end = night(20, 7);
        simulator.sleep("night-1", "long_sleep", start, end, 26_100, 5_400, 15_300, 5_400, 45, 52);

        Effective night = Effective.between(start.toInstant(), end.toInstant());
        Effective morning = Effective.at(end.toInstant());
        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(DataType.SLEEP_DURATION, 435, night, "sleep/night-1"),
                        new Measurement(DataType.DEEP_SLEEP, 90, night, "sleep/night-1"),
                        new Measurement(DataType.LIGHT_SLEEP, 255, night, "sleep/night-1"),
                        new Measurement(DataType.REM_SLEEP, 90, night, "sleep/night-1"),
                        new Measurement(DataType.HEART_RATE_VARIABILITY_RMSSD, 45, morning, "sleep/night-1"),
                        new Measurement(DataType.RESTING_HEART_RATE, 52, morning, "sleep/night-1"));
    }

    @Test
    void oura_hrv_is_never_written_as_sdnn_and_rest_or_deleted_periods_are_not_sleep() {
        seedSeveralPages();
        simulator.sleep("gone", "deleted", night(16, 23), night(17, 7), 25_000, 5_000, 15_000, 5_000, 40, 50);

        List<Measurement> measurements = readAllMeasurements();

        assertThat(measurements)
                .extracting(Measurement::type)
                .doesNotContain(DataType.HEART_RATE_VARIABILITY_SDNN)
                .contains(DataType.HEART_RATE_VARIABILITY_RMSSD);
        assertThat(measurements).extracting(Measurement::sourceId).doesNotContain("sleep/s4", "sleep/gone");
    }

    @Test
    void a_days_spo2_average_is_at_the_start_of_its_day_and_a_day_without_one_is_skipped() {
        simulator.dailySpo2(LocalDate.of(2026, 11, 18), 97.25).dailySpo2(LocalDate.of(2026, 11, 19), null);

        assertThat(readAllMeasurements())
                .containsExactly(new Measurement(
                        DataType.OXYGEN_SATURATION,
                        97.25,
                        Effective.at(Instant.parse("2026-11-18T00:00:00Z")),
                        "daily_spo2/2026-11-18"));
    }

    @Test
    void an_implausible_value_is_still_read_for_the_domain_to_judge() {
        simulator
                .heartRate(Instant.parse("2026-11-20T08:15:00Z"), 400)
                .heartRate(Instant.parse("2026-11-20T08:20:00Z"), 0);

        assertThat(readAllMeasurements()).extracting(Measurement::value).containsExactly(400.0, 0.0);
    }

    @Test
    void a_record_without_a_documented_member_makes_the_page_unreadable() {
        simulator.failNext(health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Fault.json(
                200, "{\"data\": [{\"id\": \"a\", \"day\": \"2026-11-19\", \"steps\": 100}], \"next_token\": null}"));

        assertThat(read(java.util.Optional.empty()))
                .isInstanceOfSatisfying(
                        health.wearables.application.port.out.ProviderData.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason())
                                .isEqualTo("oura daily_activity: 'timestamp' is missing or not a string"));
    }
}
