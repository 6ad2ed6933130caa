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

    /**
     * The database refuses the gateway, as an outage looks from it: no new connection ({@code ALLOW_CONNECTIONS
     * false}) and every session of it ended.
     */
    static void refuseConnections(String database) throws SQLException {
        allowConnections(database, false);
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                    + "' and pid <> pg_backend_pid()");
        }
    }

    static void allowConnections(String database, boolean allow) throws SQLException {
        ensure(database);
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database + " with allow_connections " + allow);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
    }
}
