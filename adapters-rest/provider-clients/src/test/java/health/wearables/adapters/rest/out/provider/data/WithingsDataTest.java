package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Fault;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Request;
import health.wearables.adapters.rest.out.provider.data.simulator.WithingsSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.WithingsSimulator.Measure;
import health.wearables.application.port.out.ProviderData.RateLimited;
import health.wearables.application.port.out.ProviderData.Unauthorized;
import health.wearables.application.port.out.ProviderData.Unreadable;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WithingsDataTest extends ProviderDataContract<WithingsSimulator> {
    private static final int WEIGHT = 1;
    private static final int FAT_RATIO = 6;
    private static final int MUSCLE_MASS = 76;

    @Override
    WithingsSimulator start() {
        return WithingsSimulator.start();
    }

    @Override
    ProviderSlug provider() {
        return new ProviderSlug("withings");
    }

    @Override
    int seedSeveralPages() {
        simulator.pageSize(2);
        Instant from = window().from();
        simulator
                .measureGroup(
                        1,
                        from.plus(Duration.ofDays(2)),
                        new Measure(WEIGHT, 72_100, -3),
                        new Measure(FAT_RATIO, 2_150, -2))
                .measureGroup(
                        2,
                        from.plus(Duration.ofDays(9)),
                        new Measure(WEIGHT, 71_800, -3),
                        new Measure(MUSCLE_MASS, 5_400, -2))
                .measureGroup(
                        3, from.plus(Duration.ofDays(16)), new Measure(WEIGHT, 715, -1), new Measure(FAT_RATIO, 21, 0))
                .measureGroup(4, from.minus(Duration.ofDays(3)), new Measure(WEIGHT, 73_000, -3));
        for (int day = 0; day < 3; day++) {
            simulator.activity(LocalDate.of(2026, 11, 10 + day), "Europe/Paris", 6_000 + day);
        }
        simulator.activity(LocalDate.of(2026, 9, 1), "Europe/Paris", 1);
        for (int night = 0; night < 3; night++) {
            Instant end = Instant.parse("2026-11-1" + (2 + night) + "T06:30:00Z");
            simulator.night(
                    900 + night,
                    end.minus(Duration.ofHours(8)),
                    end,
                    LocalDate.of(2026, 11, 12 + night),
                    25_200,
                    5_400,
                    14_400,
                    5_400);
        }
        return (2 + 1 + 2) + 3 + 3 * 4;
    }

    @Test
    void a_weigh_in_is_weight_in_kg_and_the_fat_ratio_in_percent_scaled_by_their_units() {
        Instant at = Instant.parse("2026-11-20T07:12:00Z");
        simulator.measureGroup(4_716_596_696L, at, new Measure(WEIGHT, 65_750, -3), new Measure(FAT_RATIO, 2_312, -2));

        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(DataType.BODY_WEIGHT, 65.75, Effective.at(at), "measure/4716596696"),
                        new Measurement(DataType.BODY_FAT, 23.12, Effective.at(at), "measure/4716596696"));
    }

    @Test
    void every_call_is_a_form_post_with_its_action_and_the_window() {
        readAll();

        assertThat(simulator.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Content-Type")).contains("application/x-www-form-urlencoded");
        });
        assertThat(simulator.requests(WithingsSimulator.MEASURE))
                .singleElement()
                .extracting(Request::form)
                .satisfies(form -> assertThat(form)
                        .containsEntry("action", "getmeas")
                        .containsEntry("meastypes", "1,6")
                        .containsEntry("category", "1")
                        .containsEntry(
                                "startdate", Long.toString(window().from().getEpochSecond()))
                        .containsEntry("enddate", Long.toString(NOW.getEpochSecond()))
                        .doesNotContainKey("offset"));
        assertThat(simulator.requests(WithingsSimulator.ACTIVITY))
                .singleElement()
                .extracting(Request::form)
                .satisfies(form -> assertThat(form)
                        .containsEntry("action", "getactivity")
                        .containsEntry("startdateymd", "2026-10-11")
                        .containsEntry("enddateymd", "2026-11-22")
                        .containsEntry("data_fields", "steps"));
        assertThat(simulator.requests(WithingsSimulator.SLEEP))
                .singleElement()
                .extracting(Request::form)
                .satisfies(form -> assertThat(form)
                        .containsEntry("action", "getsummary")
                        .containsEntry("startdateymd", "2026-10-11")
                        .containsEntry("enddateymd", "2026-11-22"));
    }

    @Test
    void the_next_page_is_asked_for_with_the_offset_withings_gave() {
        seedSeveralPages();

        readAll();

        assertThat(simulator.requests(WithingsSimulator.MEASURE))
                .extracting(request -> request.form().get("offset"))
                .containsExactly(null, "2");
        assertThat(simulator.requests(WithingsSimulator.SLEEP))
                .extracting(request -> request.form().get("offset"))
                .containsExactly(null, "2");
    }

    @Test
    void a_day_of_steps_spans_the_day_in_its_time_zone() {
        simulator.activity(LocalDate.of(2026, 11, 19), "Europe/Paris", 9_876);

        assertThat(readAllMeasurements())
                .containsExactly(new Measurement(
                        DataType.DAILY_STEPS,
                        9_876,
                        Effective.between(Instant.parse("2026-11-18T23:00:00Z"), Instant.parse("2026-11-19T23:00:00Z")),
                        "activity/2026-11-19"));
    }

    @Test
    void a_nights_durations_are_minutes_over_the_night() {
        Instant start = Instant.parse("2026-11-19T22:10:00Z");
        Instant end = Instant.parse("2026-11-20T06:25:00Z");
        simulator.night(987_654_321L, start, end, LocalDate.of(2026, 11, 20), 27_000, 6_300, 14_400, 6_300);

        Effective night = Effective.between(start, end);
        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(DataType.SLEEP_DURATION, 450, night, "sleep/987654321"),
                        new Measurement(DataType.DEEP_SLEEP, 105, night, "sleep/987654321"),
                        new Measurement(DataType.LIGHT_SLEEP, 240, night, "sleep/987654321"),
                        new Measurement(DataType.REM_SLEEP, 105, night, "sleep/987654321"));
    }

    @Test
    void an_expired_token_reported_inside_http_200_is_unauthorized() {
        simulator.failNext(WithingsSimulator.wrappedStatus(401)).failNext(WithingsSimulator.wrappedStatus(100));

        assertThat(read(Optional.empty())).isEqualTo(new Unauthorized());
        assertThat(read(Optional.empty())).isEqualTo(new Unauthorized());
    }

    @Test
    void too_many_requests_inside_http_200_is_rate_limited_without_a_delay() {
        simulator.failNext(WithingsSimulator.wrappedStatus(601));

        assertThat(read(Optional.empty())).isEqualTo(new RateLimited(Optional.empty()));
    }

    @Test
    void any_other_wrapped_status_is_unreadable_naming_only_the_number() {
        simulator
                .failNext(WithingsSimulator.wrappedStatus(2555))
                .failNext(Fault.json(200, "{\"body\":{\"measuregrps\":[]}}"));

        assertThat(read(Optional.empty())).isEqualTo(new Unreadable("withings getmeas: Withings answered status 2555"));
        assertThat(read(Optional.empty()))
                .isEqualTo(new Unreadable("withings getmeas: answer without a numeric status"));
    }

    @Test
    void a_measure_of_another_type_is_not_read() {
        Instant at = Instant.parse("2026-11-20T07:12:00Z");
        simulator.failNext(Fault.json(
                200,
                "{\"status\":0,\"body\":{\"measuregrps\":[{\"grpid\":7,\"date\":"
                        + at.getEpochSecond() + ",\"measures\":[{\"value\":5400,\"type\":76,\"unit\":-2},"
                        + "{\"value\":70000,\"type\":1,\"unit\":-3}]}],\"more\":0,\"offset\":0}}"));

        List<Measurement> first = page(read(Optional.empty())).measurements();

        assertThat(first).containsExactly(new Measurement(DataType.BODY_WEIGHT, 70, Effective.at(at), "measure/7"));
    }
}
