package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FhirStoreSettingsTest {

    @Test
    void without_a_jdbc_url_the_store_is_an_h2_file_in_the_data_directory_with_the_default_pool() {
        FhirStoreSettings settings = FhirStoreSettings.h2File(Path.of("/srv/gateway/data"));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:h2:file:/srv/gateway/data/fhir;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(settings.isPostgres()).isFalse();
        assertThat(settings.maxPoolSize()).isEqualTo(Integer.parseInt(FhirStoreSettings.DEFAULT_POOL_SIZE));
    }

    @Test
    void the_data_directory_defaults_to_data_as_the_readme_says_and_the_pool_to_10_connections() {
        assertThat(FhirStoreSettings.DEFAULT_DATA_DIRECTORY).isEqualTo("data");
        assertThat(FhirStoreSettings.DEFAULT_POOL_SIZE).isEqualTo("10");
    }

    @Test
    void a_postgresql_url_switches_driver_and_dialect() {
        FhirStoreSettings settings = new FhirStoreSettings("jdbc:postgresql://db:5432/fhir", "u", "s3cret", 5);

        assertThat(settings.driverClassName()).isEqualTo("org.postgresql.Driver");
        assertThat(settings.dialectClassName()).endsWith("HapiFhirPostgresDialect");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("user=u");
    }
}
