package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.ObservationDraft;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FHIR store's database refuses the gateway (its own PostgreSQL database, {@code ALLOW_CONNECTIONS false} and its
 * sessions ended, as an outage looks from the gateway) and comes back: every operation fails soon as
 * {@link ConnectionStoreUnavailable} without a token or ciphertext in its message, and afterwards the same store works
 * again by itself.
 */
class FhirStoreOutageTest {
    private static final String DATABASE = "wearables_adapter_outage_test";
    private static final Duration SOON = Duration.ofSeconds(15);
    private static final ReversibleTokenCipher CIPHER = new ReversibleTokenCipher();
    private static final ConfiguredProviders NO_PROVIDERS = new ConfiguredProviders() {
        @Override
        public Optional<ConfiguredProvider> find(ProviderSlug slug) {
            return Optional.empty();
        }

        @Override
        public List<ConfiguredProvider> all() {
            return List.of();
        }
    };

    private static EmbeddedFhirStore fhir;
    private static FhirConnectionStore store;
    private static FhirObservationStore observations;
    private static FhirSyncPoints syncPoints;

    @BeforeAll
    static void start() throws SQLException {
        TestDatabases.allowConnections(DATABASE, true); // a run that died in the middle may have left it refusing
        fhir = EmbeddedFhirStore.start(TestDatabases.postgres(DATABASE));
        store = new FhirConnectionStore(fhir, NO_PROVIDERS);
        observations = new FhirObservationStore(fhir, NO_PROVIDERS);
        syncPoints = new FhirSyncPoints(fhir);
    }

    @AfterEach
    void databaseBack() throws SQLException {
        TestDatabases.allowConnections(DATABASE, true);
    }

    @AfterAll
    static void stop() {
        if (fhir != null) {
            fhir.close();
        }
    }

    private static SealedCredentials sample(ConnectionKey key, String access) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new SealedCredentials(
                key,
                CIPHER.seal(key, TokenKind.ACCESS, access),
                Optional.of(CIPHER.seal(key, TokenKind.REFRESH, "r-" + access)),
                Optional.empty(),
                Optional.of(now.plusSeconds(60)),
                List.of("activity"),
                Optional.of("user-1"),
                now);
    }

    @Test
    void while_the_database_refuses_every_operation_fails_soon_as_unavailable_and_afterwards_works_again()
            throws Exception {
        ConnectionKey key = Samples.connectionKey();
        store.save(sample(key, "before-the-outage"));
        SealedCredentials during = sample(key, "issued-during-the-outage");
        String ciphertext =
                Base64.getEncoder().encodeToString(during.accessToken().ciphertext());

        TestDatabases.refuseConnections(DATABASE);

        ObservationDraft pulse = new ObservationDraft(
                key, DataType.HEART_RATE, 64, Effective.at(Instant.parse("2026-11-02T07:30:00Z")), "outage-1");
        SyncPoint point = new SyncPoint(Optional.of(Instant.now()), Instant.now(), Outcome.OK);
        Map<String, ThrowingCallable> operations = Map.of(
                "save", () -> store.save(during),
                "find", () -> store.find(key),
                "list", () -> store.list(key.project(), Optional.empty()),
                "sync mark", () -> store.markSyncPending(key),
                "sync marks", () -> store.syncPending(10),
                "sync unmark", () -> store.clearSyncPending(key),
                "write observations", () -> observations.write(key, List.of(pulse)),
                "find sync point", () -> syncPoints.find(key),
                "record sync point", () -> syncPoints.record(key, point));
        for (Map.Entry<String, ThrowingCallable> operation : operations.entrySet()) {
            long started = System.nanoTime();
            Throwable failure = catchThrowable(operation.getValue());
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as(operation.getKey())
                    .isLessThan(SOON);
            assertThat(failure)
                    .as(operation.getKey())
                    .isInstanceOf(ConnectionStoreUnavailable.class)
                    .hasMessageStartingWith("connection store " + operation.getKey() + ": the database failed");
            assertThat(failure.getMessage())
                    .doesNotContain("issued-during-the-outage")
                    .doesNotContain(ciphertext);
        }

        TestDatabases.allowConnections(DATABASE, true);
        SealedCredentials stored = eventually(() -> {
            store.save(during);
            return store.find(key).orElseThrow();
        });
        assertThat(CIPHER.open(key, TokenKind.ACCESS, stored.accessToken())).isEqualTo("issued-during-the-outage");
        assertThat(observations.write(key, List.of(pulse))).isEqualTo(1);
        syncPoints.record(key, point);
        assertThat(syncPoints.find(key)).contains(point);
    }

    /** Retries the call while the store is still unavailable, for at most 30 seconds. */
    private static <T> T eventually(java.util.concurrent.Callable<T> call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return call.call();
            } catch (ConnectionStoreUnavailable stillDown) {
                if (System.nanoTime() > deadline) {
                    throw stillDown;
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void while_the_database_refuses_the_audit_trail_logs_one_warn_line_and_throws_nothing() throws Exception {
        ConnectionKey key = Samples.connectionKey();
        FhirAuditTrail audits = new FhirAuditTrail(fhir);
        TestDatabases.refuseConnections(DATABASE);

        try (LogCapture log = new LogCapture()) {
            long started = System.nanoTime();
            assertThatCode(() -> audits.record(AuditRecord.tokenRefreshed(key, Instant.now())))
                    .doesNotThrowAnyException();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SOON);
            assertThat(log.records())
                    .filteredOn(record -> record.getLoggerName().equals(FhirAuditTrail.class.getName()))
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
                        assertThat(log.lines().toString())
                                .doesNotContain(key.patient().value());
                    });
        }
    }
}
