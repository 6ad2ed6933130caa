package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Fault;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Request;
import health.wearables.adapters.rest.out.provider.data.simulator.DexcomSimulator;
import health.wearables.application.port.out.ProviderData.Cursor;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.application.port.out.ProviderData.Page;
import health.wearables.application.port.out.ProviderData.Unreadable;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DexcomDataTest extends ProviderDataContract<DexcomSimulator> {

    @Override
    DexcomSimulator start() {
        return DexcomSimulator.start();
    }

    @Override
    ProviderSlug provider() {
        return new ProviderSlug("dexcom");
    }

    /** 70 days: three slices (30, 30 and 10 days), Dexcom's only pages. */
    @Override
    SyncWindow window() {
        return new SyncWindow(NOW.minus(Duration.ofDays(70)), NOW);
    }

    @Override
    boolean pagesByToken() {
        return false;
    }

    @Override
    int seedSeveralPages() {
        Instant from = window().from();
        for (int record = 0; record < 3; record++) {
            simulator.egv("a-" + record, from.plus(Duration.ofDays(10L * record)), 100 + record, "mg/dL");
        }
        simulator
                .egv("b-0", from.plus(Duration.ofDays(31)), 140, "mg/dL")
                .receiverEgv("b-1", from.plus(Duration.ofDays(45)), 150)
                .egv("b-2", from.plus(Duration.ofDays(50)), null, "mg/dL")
                .egv("c-0", from.plus(Duration.ofDays(65)), 7, "mmol/L")
                .egv("c-1", from.plus(Duration.ofDays(66)), 120, "unknown")
                .egv("z-0", from.minus(Duration.ofDays(1)), 99, "mg/dL");
        return 3 + 2 + 1;
    }

    @Test
    void the_window_is_asked_for_in_slices_of_at_most_30_days_in_dexcoms_time_format() {
        readAll();

        assertThat(simulator.requests(DexcomSimulator.EGVS))
                .extracting(Request::query)
                .satisfiesExactly(
                        first -> assertThat(first)
                                .containsEntry("startDate", "2026-09-12T10:00:00")
                                .containsEntry("endDate", "2026-10-12T10:00:00"),
                        second -> assertThat(second)
                                .containsEntry("startDate", "2026-10-12T10:00:00")
                                .containsEntry("endDate", "2026-11-11T10:00:00"),
                        third -> assertThat(third)
                                .containsEntry("startDate", "2026-11-11T10:00:00")
                                .containsEntry("endDate", "2026-11-21T10:00:00"));
    }

    @Test
    void an_egv_is_glucose_in_mg_per_dl_at_its_system_time_named_by_its_record_id() {
        Instant phone = Instant.parse("2026-11-20T09:12:35Z");
        Instant receiver = Instant.parse("2026-11-20T09:17:35Z");
        simulator.egv("3f2d1c0b-a", phone, 120, "mg/dL").receiverEgv("3f2d1c0b-b", receiver, 118);

        assertThat(readAllMeasurements())
                .containsExactly(
                        new Measurement(DataType.GLUCOSE, 120, Effective.at(phone), "egv/3f2d1c0b-a"),
                        new Measurement(DataType.GLUCOSE, 118, Effective.at(receiver), "egv/3f2d1c0b-b"));
    }

    @Test
    void an_egv_in_mmol_per_l_is_converted_and_one_without_a_value_or_a_known_unit_is_skipped() {
        Instant at = Instant.parse("2026-11-20T09:12:35Z");
        simulator
                .egv("m", at, 7, "mmol/L")
                .egv("n", at.plusSeconds(300), null, "mg/dL")
                .egv("u", at.plusSeconds(600), 130, "unknown");

        assertThat(readAllMeasurements())
                .containsExactly(new Measurement(DataType.GLUCOSE, 7 * 18.016, Effective.at(at), "egv/m"));
    }

    @Test
    void an_egv_without_its_record_id_makes_the_page_unreadable() {
        simulator.failNext(Fault.json(
                200,
                "{\"recordType\":\"egv\",\"records\":[{\"systemTime\":"
                        + "\"2026-11-20T09:12:35\",\"value\":120,\"unit\":\"mg/dL\"}]}"));

        assertThat(read(Optional.empty()))
                .isEqualTo(new Unreadable("dexcom egvs: 'recordId' is missing or not a string"));
    }

    @Test
    void the_sandbox_is_read_the_same_way() {
        Instant at = Instant.parse("2026-11-20T09:12:35Z");
        simulator.egv("s", at, 101, "mg/dL");

        assertThat(data.reads(new ProviderSlug("dexcom-sandbox"))).isTrue();
        DataRequest sandbox = new DataRequest(
                new ProviderSlug("dexcom-sandbox"), simulator.apiBase(), TOKEN, Optional.empty(), window());
        Optional<Cursor> cursor = Optional.empty();
        int measurements = 0;
        do {
            Page page = page(data.read(sandbox, cursor));
            measurements += page.measurements().size();
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(measurements).isEqualTo(1);
    }
}
