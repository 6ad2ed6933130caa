package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Fault;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Request;
import health.wearables.adapters.rest.out.provider.data.simulator.GoogleHealthSimulator;
import health.wearables.application.port.out.ProviderData.Page;
import health.wearables.application.port.out.ProviderData.Unreadable;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoogleHealthDataTest extends ProviderDataContract<GoogleHealthSimulator> {

    @Override
    GoogleHealthSimulator start() {
        return GoogleHealthSimulator.start();
    }

    @Override
    ProviderSlug provider() {
        return new ProviderSlug("google-health");
    }

    @Override
    int seedSeveralPages() {
        simulator.pageSize(2);
        Instant from = window().from();
        for (int minute = 0; minute < 3; minute++) {
            Instant start = from.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(minute));
            simulator.steps(start, start.plus(Duration.ofMinutes(1)), 80 + minute);
        }
        simulator.steps(
                from.minus(Duration.ofDays(1)), from.minus(Duration.ofDays(1)).plusSeconds(60), 999);
        for (int sample = 0; sample < 3; sample++) {
            simulator.heartRate(from.plus(Duration.ofDays(4)).plus(Duration.ofSeconds(5L * sample)), 70 + sample);
        }
        simulator
                .weight("w1", from.plus(Duration.ofDays(5)), 72_300)
                .weight("w2", from.plus(Duration.ofDays(12)), 72_050.5);
        return 3 + 3 + 2;
    }

    @Test
    void each_data_type_is_filtered_to_the_window_on_its_own_time_field_with_the_largest_page() {
        readAll();

        assertThat(simulator.requests(GoogleHealthSimulator.STEPS))
                .singleElement()
                .extracting(Request::query)
                .satisfies(query -> assertThat(query)
                        .containsEntry(
                                "filter",
                                "steps.interval.start_time >= \"2026-10-12T10:00:00Z\" AND "
                                        + "steps.interval.start_time < \"2026-11-21T10:00:00Z\"")
                        .containsEntry("pageSize", "10000")
                        .doesNotContainKey("pageToken"));
        assertThat(simulator.requests(GoogleHealthSimulator.HEART_RATE))
                .singleElement()
                .extracting(Request::query)
                .satisfies(query -> assertThat(query)
                        .containsEntry(
                                "filter",
                                "heart_rate.sample_time.physical_time >= \"2026-10-12T10:00:00Z\" AND "
                                        + "heart_rate.sample_time.physical_time < \"2026-11-21T10:00:00Z\""));
        assertThat(simulator.requests(GoogleHealthSimulator.WEIGHT))
                .singleElement()
                .extracting(Request::query)
                .satisfies(query -> assertThat(query)
                        .containsEntry(
                                "filter",
                                "weight.sample_time.physical_time >= \"2026-10-12T10:00:00Z\" AND "
                                        + "weight.sample_time.physical_time < \"2026-11-21T10:00:00Z\""));
    }

    @Test
    void the_next_page_is_asked_for_with_googles_page_token() {
        seedSeveralPages();

        readAll();

        List<Request> steps = simulator.requests(GoogleHealthSimulator.STEPS);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(1).query())
                .containsKey("pageToken")
                .containsEntry("filter", steps.get(0).query().get("filter"));
    }

    @Test
    void steps_are_counted_over_their_interval_and_heart_rate_at_its_sample_time() {
        Instant minute = Instant.parse("2026-11-20T08:15:00Z");
        simulator.steps(minute, minute.plusSeconds(60), 112).heartRate(minute.plusSeconds(5), 71);

        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(
                                DataType.STEPS,
                                112,
                                Effective.between(minute, minute.plusSeconds(60)),
                                "steps@2026-11-20T08:15:00Z"),
                        new Measurement(
                                DataType.HEART_RATE,
                                71,
                                Effective.at(minute.plusSeconds(5)),
                                "heart-rate@2026-11-20T08:15:05Z"));
    }

    @Test
    void a_weight_in_grams_is_kilograms_named_by_its_data_point() {
        Instant at = Instant.parse("2026-11-20T07:00:00Z");
        simulator.weight("7c1e", at, 68_450);

        assertThat(readAllMeasurements())
                .containsExactly(new Measurement(
                        DataType.BODY_WEIGHT, 68.45, Effective.at(at), "users/me/dataTypes/weight/dataPoints/7c1e"));
    }

    @Test
    void an_answer_without_data_points_is_an_empty_page() {
        Page first = page(read(Optional.empty()));

        assertThat(first.measurements()).isEmpty();
        assertThat(first.next()).isPresent();
        assertThat(readAllMeasurements()).isEmpty();
    }

    @Test
    void a_data_point_without_its_value_makes_the_page_unreadable() {
        simulator.failNext(Fault.json(200, "{\"dataPoints\": [{\"dataSource\": {}}]}"));

        assertThat(read(Optional.empty()))
                .isEqualTo(new Unreadable("google-health steps: 'steps' is missing or not an object"));
    }
}
