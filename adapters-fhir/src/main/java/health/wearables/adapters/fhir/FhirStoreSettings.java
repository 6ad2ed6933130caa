package health.wearables.adapters.fhir;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the embedded FHIR store keeps its data. The default is an H2 file in the data directory; a PostgreSQL JDBC URL
 * switches dialect and driver.
 */
public record FhirStoreSettings(String jdbcUrl, String username, String password, int maxPoolSize) {
    /** {@code wearables.data-dir}'s default: {@code data} in the server's directory. */
    public static final String DEFAULT_DATA_DIRECTORY = "data";
    /** {@code wearables.fhir.pool-size}'s default, for PostgreSQL and H2 alike. */
    public static final String DEFAULT_POOL_SIZE = "10";

    public static FhirStoreSettings h2File(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().resolve("fhir");
        return new FhirStoreSettings(
                "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", Integer.parseInt(DEFAULT_POOL_SIZE));
    }

    public boolean isPostgres() {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    public String driverClassName() {
        return isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver";
    }

    public String dialectClassName() {
        return isPostgres()
                ? "ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect"
                : "ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect";
    }

    @Override
    public String toString() {
        return "FhirStoreSettings[" + jdbcUrl + ", user=" + username + "]";
    }
}
