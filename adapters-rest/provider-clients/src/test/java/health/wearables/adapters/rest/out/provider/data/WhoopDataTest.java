package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Request;
import health.wearables.adapters.rest.out.provider.data.simulator.WhoopSimulator;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhoopDataTest extends ProviderDataContract<WhoopSimulator> {

    @Override
    WhoopSimulator start() {
        return WhoopSimulator.start();
    }

    @Override
    ProviderSlug provider() {
        return new ProviderSlug("whoop");
    }

    @Override
    int seedSeveralPages() {
        simulator.pageSize(2);
        Instant from = window().from();
        simulator
                .recovery(1, from.plus(Duration.ofDays(1)), 52, 61.5, 96.5)
                .recovery(2, from.plus(Duration.ofDays(2)), 54, 58.25, null)
                .recovery(3, from.plus(Duration.ofDays(3)), 50, 70.0, 97.0)
                .pendingRecovery(4, from.plus(Duration.ofDays(4)))
                .recovery(5, from.minus(Duration.ofDays(1)), 60, 40.0, 95.0);
        for (int night = 0; night < 3; night++) {
            Instant start = from.plus(Duration.ofDays(5 + night));
            simulator.sleep("sleep-" + night, start, start.plus(Duration.ofHours(8)), 14_400_000, 5_400_000, 6_000_000);
        }
        simulator.body(90.7185);
        return (3 + 2 + 3) + 3 * 4 + 1;
    }

    @Test
    void a_recovery_is_resting_heart_rate_rmssd_and_spo2_when_scored() {
        Instant created = Instant.parse("2026-11-20T11:25:44.774Z");
        simulator
                .recovery(93_845, created, 64, 31.813562, 95.6875)
                .pendingRecovery(93_846, created.plusSeconds(3600))
                .body(null);

        Effective at = Effective.at(created);
        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(DataType.RESTING_HEART_RATE, 64, at, "recovery/93845"),
                        new Measurement(DataType.HEART_RATE_VARIABILITY_RMSSD, 31.813562, at, "recovery/93845"),
                        new Measurement(DataType.OXYGEN_SATURATION, 95.6875, at, "recovery/93845"));
    }

    @Test
    void a_sleep_is_its_stages_in_minutes_and_their_sum() {
        Instant start = Instant.parse("2026-11-20T02:25:44.774Z");
        Instant end = Instant.parse("2026-11-20T10:25:44.774Z");
        simulator
                .sleep("ecfc6a15-4661-442f-a9a4-f160dd7afae8", start, end, 14_400_000, 5_400_000, 6_000_000)
                .body(null);

        Effective night = Effective.between(start, end);
        String id = "sleep/ecfc6a15-4661-442f-a9a4-f160dd7afae8";
        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(DataType.SLEEP_DURATION, 430, night, id),
                        new Measurement(DataType.LIGHT_SLEEP, 240, night, id),
                        new Measurement(DataType.DEEP_SLEEP, 90, night, id),
                        new Measurement(DataType.REM_SLEEP, 100, night, id));
    }

    @Test
    void the_body_weight_is_one_record_as_of_the_end_of_the_window() {
        simulator.body(88.2);

        assertThat(readAllMeasurements())
                .containsExactly(new Measurement(DataType.BODY_WEIGHT, 88.2, Effective.at(NOW), "body-measurement"));
        assertThat(simulator.requests(WhoopSimulator.BODY))
                .singleElement()
                .satisfies(request -> assertThat(request.query()).isEmpty());
    }

    @Test
    void collections_are_asked_for_the_window_25_at_a_time_under_the_developer_prefix() {
        readAll();

        for (String path : List.of(WhoopSimulator.RECOVERY, WhoopSimulator.SLEEP)) {
            assertThat(simulator.requests(path))
                    .singleElement()
                    .extracting(Request::query)
                    .satisfies(query -> assertThat(query)
                            .containsEntry("start", "2026-10-12T10:00:00Z")
                            .containsEntry("end", "2026-11-21T10:00:00Z")
                            .containsEntry("limit", "25")
                            .doesNotContainKey("nextToken"));
        }
    }

    @Test
    void the_next_page_is_asked_for_with_whoops_next_token() {
        seedSeveralPages();

        readAll();

        List<Request> recoveries = simulator.requests(WhoopSimulator.RECOVERY);
        assertThat(recoveries).hasSize(2);
        assertThat(recoveries.get(0).query()).doesNotContainKey("nextToken");
        assertThat(recoveries.get(1).query()).containsKey("nextToken");
    }
}
