package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.domain.ConnectionKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Basic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recording syncs grows no table: fifty syncs of one connection, read straight from the real PostgreSQL over JDBC,
 * add no row of HAPI's tag definitions ({@code hfj_tag_def}), leave exactly one row of the sync state in HAPI's history
 * table ({@code hfj_res_ver}), and leave no table of the store with more rows than it had after the first sync. On a
 * database of its own: the shared one is written by other tests (and other builds) meanwhile, which would make its
 * row counts move.
 */
class FhirSyncStateGrowthTest {
    private static final String DATABASE = "wearables_sync_state_growth_test";
    private static final int SYNCS = 50;
    /**
     * HAPI's table of search parameter identities (one row per resource type and search parameter of R4, unique by
     * hash: bounded), which it fills in the background after it starts, whatever is written or not.
     */
    private static final String FILLED_AT_START = "hfj_spidx_identity";

    private static EmbeddedFhirStore fhir;

    @BeforeAll
    static void start() {
        fhir = EmbeddedFhirStore.start(TestDatabases.postgres(DATABASE));
    }

    @AfterAll
    static void stop() {
        if (fhir != null) {
            fhir.close();
        }
    }

    @Test
    void fifty_syncs_of_one_connection_add_no_tag_definition_and_keep_one_version_of_its_sync_state()
            throws SQLException {
        FhirConnectionStore connections = new FhirConnectionStore(fhir, SharedFhirStore.NO_PROVIDERS);
        FhirSyncPoints points = new FhirSyncPoints(fhir);
        ConnectionKey key = Samples.connectionKey();
        connections.save(Samples.sealed(new ReversibleTokenCipher(), key, "access-g", Optional.of("refresh-g")));
        Instant noon = Instant.parse("2026-11-02T12:00:00Z");
        Instant reach = noon;
        long tagDefinitionsBefore;
        Map<String, Long> afterTheFirst = new TreeMap<>();
        try (Connection database = database()) {
            tagDefinitionsBefore = count(database, "hfj_tag_def");
        }

        for (int sync = 1; sync <= SYNCS; sync++) {
            Instant finishedAt = noon.plus(Duration.ofHours(sync));
            boolean ok = sync % 2 == 1;
            if (ok) {
                reach = finishedAt.minusSeconds(30);
            }
            points.record(
                    key,
                    new SyncPoint(
                            Optional.of(finishedAt.minusSeconds(30)), finishedAt, ok ? Outcome.OK : Outcome.FAILED));
            if (sync == 1) {
                try (Connection database = database()) {
                    afterTheFirst.putAll(rowCounts(database));
                }
            }
        }

        Basic state = points.stateOf(key).orElseThrow();
        Map<String, Long> afterTheLast;
        try (Connection database = database()) {
            afterTheLast = rowCounts(database);
            System.out.println("hfj_tag_def rows: " + tagDefinitionsBefore + " before the first sync, "
                    + afterTheFirst.get("hfj_tag_def") + " after it, " + afterTheLast.get("hfj_tag_def")
                    + " after sync " + SYNCS);
            System.out.println("rows after the first sync: " + afterTheFirst);
            System.out.println("rows after sync " + SYNCS + ":  " + afterTheLast);
            assertThat(afterTheLast.get("hfj_tag_def"))
                    .as("tag definitions: the project's was made by the Endpoint, and no sync adds one")
                    .isEqualTo(tagDefinitionsBefore);
            assertThat(versionRows(database, state))
                    .as("the sync state's rows in HAPI's history table: the current version only")
                    .containsExactly((long) SYNCS);
            Map<String, String> grown = new TreeMap<>();
            afterTheLast.forEach((table, rows) -> {
                long before = afterTheFirst.getOrDefault(table, 0L);
                if (rows > before && !table.equals(FILLED_AT_START)) {
                    grown.put(table, before + " -> " + rows);
                }
            });
            assertThat(grown)
                    .as("the tables with more rows after sync " + SYNCS + " than after the first")
                    .isEmpty();
        }
        assertThat(state.getMeta().getVersionId()).isEqualTo(String.valueOf(SYNCS));
        assertThat(points.find(key))
                .contains(new SyncPoint(Optional.of(reach), noon.plus(Duration.ofHours(SYNCS)), Outcome.FAILED));
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + TestDatabases.HOST + "/" + DATABASE, TestDatabases.USER, "");
    }

    private static long count(Connection database, String table) throws SQLException {
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The number of rows of every table of HAPI's schema. */
    private static Map<String, Long> rowCounts(Connection database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = database.createStatement();
                ResultSet found = statement.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
            while (found.next()) {
                tables.add(found.getString(1));
            }
        }
        assertThat(tables).contains("hfj_tag_def", "hfj_res_ver", "hfj_resource");
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, count(database, "\"" + table + "\""));
        }
        return counts;
    }

    /** The versions of the sync state in HAPI's history table, read straight from its rows. */
    private static List<Long> versionRows(Connection database, Basic state) throws SQLException {
        List<Long> versions = new ArrayList<>();
        try (PreparedStatement select = database.prepareStatement("select v.res_ver from hfj_res_ver v"
                + " join hfj_resource r on r.res_id = v.res_id"
                + " where r.res_type = 'Basic' and r.fhir_id = ? order by v.res_ver")) {
            select.setString(1, state.getIdElement().getIdPart());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getLong(1));
                }
            }
        }
        return versions;
    }
}
