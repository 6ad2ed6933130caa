package health.wearables.acceptance.steps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The FHIR store's PostgreSQL database, as its owner sees it from the maintenance database: it can refuse the gateway
 * (no new connections, the open ones ended), as an outage of the database looks from the gateway, and allow it again.
 */
final class FhirDatabase {
    private FhirDatabase() {}

    static void refuseConnections() throws SQLException {
        allowConnections(false);
        try (Connection owner = owner();
                Statement statement = owner.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name()
                    + "' and pid <> pg_backend_pid()");
        }
    }

    static void allowConnections() throws SQLException {
        allowConnections(true);
    }

    private static void allowConnections(boolean allow) throws SQLException {
        try (Connection owner = owner();
                Statement statement = owner.createStatement()) {
            statement.execute("alter database " + name() + " with allow_connections " + allow);
        }
    }

    private static String name() {
        String name = Settings.get("fhir.database");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("fhir.database is not a plain database name");
        }
        return name;
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(Settings.get("fhir.admin-jdbc-url"), Settings.get("fhir.jdbc-user"), "");
    }
}
