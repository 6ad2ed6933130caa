package health.wearables.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataTypeTest {

    @Test
    void rmssd_has_no_loinc_code_so_it_can_never_be_written_as_sdnn() {
        assertThat(DataType.HEART_RATE_VARIABILITY_RMSSD.loinc()).isEmpty();
        assertThat(DataType.HEART_RATE_VARIABILITY_SDNN.loinc()).contains("80404-7");
    }

    @Test
    void the_table_carries_the_codes_units_and_categories_of_wearable_data() {
        assertThat(DataType.DAILY_STEPS.loinc()).contains("41950-7");
        assertThat(DataType.DAILY_STEPS.ucum()).isEqualTo("{steps}");
        assertThat(DataType.HEART_RATE.loinc()).contains("8867-4");
        assertThat(DataType.HEART_RATE.category()).isEqualTo(Category.VITAL_SIGNS);
        assertThat(DataType.RESTING_HEART_RATE.loinc()).contains("40443-4");
        assertThat(DataType.BODY_WEIGHT.ucum()).isEqualTo("kg");
        assertThat(DataType.SLEEP_DURATION.loinc()).contains("93832-4");
        assertThat(DataType.SLEEP_DURATION.timing()).isEqualTo(DataType.Timing.INTERVAL);
        assertThat(DataType.GLUCOSE.category()).isEqualTo(Category.LABORATORY);
        assertThat(DataType.GLUCOSE.ucum()).isEqualTo("mg/dL");
    }

    @Test
    void every_loinc_code_is_used_once_and_every_gateway_code_is_distinct_kebab_case() {
        assertThat(Arrays.stream(DataType.values()).flatMap(type -> type.loinc().stream()))
                .doesNotHaveDuplicates();
        assertThat(Arrays.stream(DataType.values()).map(DataType::gatewayCode))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"));
    }
}
