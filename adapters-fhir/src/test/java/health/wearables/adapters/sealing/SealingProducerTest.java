package health.wearables.adapters.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.fhir.FhirStoreSettings;
import org.junit.jupiter.api.Test;

class SealingProducerTest {

    @Test
    void a_generated_keyset_goes_into_the_same_data_directory_as_the_fhir_stores_h2_file() {
        assertThat(SealingProducer.DEFAULT_DATA_DIRECTORY)
                .isEqualTo("data")
                .isEqualTo(FhirStoreSettings.DEFAULT_DATA_DIRECTORY);
    }
}
