package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /fhir} while its store's database cannot answer (its own PostgreSQL database): a search that the database
 * cancels at the store's query timeout, and every request while the database refuses connections, are {@code 503}
 * with {@code Retry-After} and an OperationOutcome that names no statement or exception, logged in one ERROR line
 * without a stack trace, where HAPI alone answers {@code 500}. Afterwards the same search answers {@code 200}.
 */
class ProjectFhirServletOutageTest {
    private static final String DATABASE = "wearables_adapter_fhir_outage_test";
    private static final String KEY = "fhir-servlet-outage-test-key";
    private static final Project OWNER =
            new Project(new ProjectId("fhir-servlet-outage-test"), List.of(new ApiKey(KEY).sha256()), List.of());
    private static final String SEARCH = "/fhir/Observation?patient=Patient/outage-test-patient";

    private static EmbeddedFhirStore store;
    private static FhirServletHarness server;

    @BeforeAll
    static void start() throws Exception {
        TestDatabases.allowConnections(DATABASE, true); // a run that died in the middle may have left it refusing
        store = EmbeddedFhirStore.start(TestDatabases.postgres(DATABASE));
        server = new FhirServletHarness(
                store,
                new ProjectDirectory() {
                    @Override
                    public Optional<Project> find(ProjectId id) {
                        return Optional.of(OWNER).filter(project -> project.id().equals(id));
                    }

                    @Override
                    public Optional<Project> authenticate(ApiKey key) {
                        return Optional.of(OWNER).filter(project -> project.authenticates(key));
                    }
                },
                record -> {});
    }

    @AfterEach
    void databaseBack() throws SQLException {
        TestDatabases.allowConnections(DATABASE, true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void a_search_the_database_cancels_at_the_query_timeout_is_503_with_retry_after() throws Exception {
        assertThat(server.get(SEARCH, KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> answer;
        try (Connection locker = DriverManager.getConnection(
                        "jdbc:postgresql://" + TestDatabases.HOST + "/" + DATABASE, TestDatabases.USER, "");
                Statement lock = locker.createStatement();
                LogCapture log = new LogCapture()) {
            // HAPI's tables held by another session (as a schema migration holds them): the search waits until the
            // store's statement timeout (10 s) has PostgreSQL cancel it (SQL state 57014).
            locker.setAutoCommit(false);
            lock.execute("do $$ declare t text; begin for t in select tablename from pg_tables"
                    + " where schemaname = 'public' and tablename like 'hfj\\_%' loop"
                    + " execute 'lock table ' || quote_ident(t) || ' in access exclusive mode'; end loop; end $$");

            answer = server.get(SEARCH, KEY);
            locker.rollback();

            assertUnavailable(answer, log, "57014");
        }
        assertThat(server.get(SEARCH, KEY).statusCode())
                .as("after the lock is gone")
                .isEqualTo(200);
    }

    @Test
    void while_the_database_refuses_connections_a_read_and_a_search_are_503_with_retry_after() throws Exception {
        assertThat(server.get(SEARCH, KEY).statusCode()).isEqualTo(200);
        TestDatabases.refuseConnections(DATABASE);

        for (String path : List.of(SEARCH, "/fhir/Endpoint/1")) {
            try (LogCapture log = new LogCapture()) {
                assertUnavailable(server.get(path, KEY), log, "SQL state");
            }
        }

        TestDatabases.allowConnections(DATABASE, true);
        assertThat(eventuallyOk(SEARCH))
                .as("once the database takes connections again")
                .isEqualTo(200);
    }

    private static void assertUnavailable(HttpResponse<String> answer, LogCapture log, String inTheLogLine) {
        FhirServletHarness.assertOperationOutcome(
                answer, 503, "transient", "The FHIR store cannot answer now. Try again shortly.");
        assertThat(answer.headers().firstValue("Retry-After"))
                .contains(ProjectFhirServlet.StoreOutages.RETRY_AFTER_SECONDS);
        assertThat(answer.body()).doesNotContainIgnoringCase("select").doesNotContain("hfj_");
        // What /fhir logs: ours, and HAPI's REST layer's (which logs a 5xx it handles at ERROR with its stack trace).
        // Hibernate's and HAPI's search's own lines about the failed statement are the store's, and stay.
        List<LogRecord> servlet = log.records().stream()
                .filter(record -> record.getLoggerName() != null
                        && (record.getLoggerName().equals(ProjectFhirServlet.class.getName())
                                || record.getLoggerName().startsWith("ca.uhn.fhir.rest.server")))
                .toList();
        String lines = String.join("", log.lines());
        assertThat(servlet)
                .as(lines)
                .filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
                    assertThat(record.getThrown()).isNull();
                });
        assertThat(log.lines())
                .filteredOn(line -> line.contains("FHIR request failed, the store is unavailable: 503 GET /fhir/"))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(inTheLogLine).doesNotContain("outage-test-patient"));
    }

    private static int eventuallyOk(String path) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int status;
        do {
            status = server.get(path, KEY).statusCode();
            if (status == 200) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }
}
