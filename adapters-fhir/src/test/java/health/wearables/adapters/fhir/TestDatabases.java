package health.wearables.adapters.fhir;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL on 127.0.0.1:5432 (trust auth): a database of its own for these tests, created when missing. */
final class TestDatabases {
    static final String HOST = System.getProperty("wearables.test.pg.host", "127.0.0.1:5432");
    static final String USER = System.getProperty("wearables.test.pg.user", "postgres");

    private TestDatabases() {}

    static FhirStoreSettings postgres(String database) {
        ensure(database);
        return new FhirStoreSettings("jdbc:postgresql://" + HOST + "/" + database, USER, "", 5);
    }

    static void ensure(String database) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
                Statement statement = connection.createStatement()) {
            try (ResultSet found =
                    statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!found.next()) {
                    statement.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + " is needed for these tests", e);
        }
    }
}
