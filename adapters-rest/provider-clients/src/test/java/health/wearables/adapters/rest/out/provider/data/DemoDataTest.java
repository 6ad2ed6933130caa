package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Request;
import health.wearables.adapters.rest.out.provider.data.simulator.DemoSimulator;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoDataTest extends ProviderDataContract<DemoSimulator> {

    @Override
    DemoSimulator start() {
        return DemoSimulator.start();
    }

    @Override
    ProviderSlug provider() {
        return new ProviderSlug("demo");
    }

    @Override
    int seedSeveralPages() {
        simulator.pageSize(3);
        Instant from = window().from();
        for (int day = 0; day < 4; day++) {
            Instant start = from.plus(Duration.ofDays(day));
            simulator.span("steps/" + day, "daily-steps", 8_000 + day, start, start.plus(Duration.ofDays(1)));
        }
        for (int sample = 0; sample < 4; sample++) {
            simulator.point("hr/" + sample, "heart-rate", 60 + sample, from.plus(Duration.ofMinutes(5L * sample)));
        }
        simulator
                .point("future-kind", "brain-waves", 1, from.plus(Duration.ofDays(9)))
                .point("before", "heart-rate", 61, from.minusSeconds(1));
        return 4 + 4;
    }

    @Test
    void observations_are_read_as_their_kinds_points_and_spans() {
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        simulator
                .span("steps/2026-11-20", "daily-steps", 8_423, start, start.plus(Duration.ofDays(1)))
                .point("hr/1", "heart-rate", 64, start.plusSeconds(300))
                .span("sleep/2026-11-20", "heart-rate-variability-rmssd", 41, start, start.plusSeconds(60));

        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(
                                DataType.DAILY_STEPS,
                                8_423,
                                Effective.between(start, start.plus(Duration.ofDays(1))),
                                "steps/2026-11-20"),
                        new Measurement(
                                DataType.HEART_RATE_VARIABILITY_RMSSD,
                                41,
                                Effective.between(start, start.plusSeconds(60)),
                                "sleep/2026-11-20"),
                        new Measurement(DataType.HEART_RATE, 64, Effective.at(start.plusSeconds(300)), "hr/1"));
    }

    @Test
    void the_window_is_asked_for_by_instants_under_the_demo_provider_path() {
        readAll();

        assertThat(simulator.requests(DemoSimulator.OBSERVATIONS))
                .singleElement()
                .extracting(Request::query)
                .satisfies(query -> assertThat(query)
                        .containsEntry("start", "2026-10-12T10:00:00Z")
                        .containsEntry("end", "2026-11-21T10:00:00Z")
                        .doesNotContainKey("pageToken"));
    }
}
