package health.wearables.adapters.fhir;

import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.ObservationStore;
import health.wearables.application.port.out.ReauthMarks;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.SyncMarks;
import health.wearables.application.port.out.SyncPoints;
import health.wearables.application.port.out.UnitOfWork;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The FHIR adapter's one CDI producer: starts the embedded FHIR store when the application starts, and hands out the
 * {@link ConnectionStore}, {@link StoredCredentials}, {@link SyncMarks} and {@link ReauthMarks} ports (all four the one
 * {@link FhirConnectionStore}), the {@link ObservationStore} ({@link FhirObservationStore}) and the {@link SyncPoints}
 * ({@link FhirSyncPoints}), all on the one store.
 */
@ApplicationScoped
public class FhirProducer {
    /** Audit records that may wait to be written; beyond it, a request writes its own (a few KB each). */
    private static final int AUDIT_QUEUE = 10_000;

    @Inject
    @ConfigProperty(name = "wearables.data-dir", defaultValue = FhirStoreSettings.DEFAULT_DATA_DIRECTORY)
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "wearables.fhir.jdbc-url")
    Optional<String> jdbcUrl;

    @Inject
    @ConfigProperty(name = "wearables.fhir.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "wearables.fhir.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "wearables.fhir.pool-size", defaultValue = FhirStoreSettings.DEFAULT_POOL_SIZE)
    int poolSize;

    @Inject
    ConfiguredProviders providers;

    private EmbeddedFhirStore store;
    private FhirConnectionStore connections;
    private FhirObservationStore observations;
    private FhirSyncPoints syncPoints;
    private FhirEventOutbox outbox;
    private FhirUnitOfWork units;
    private QueuedAuditTrail audits;

    @PostConstruct
    void start() {
        Path data = Path.of(dataDirectory);
        store = EmbeddedFhirStore.start(jdbcUrl.filter(url -> !url.isBlank())
                .map(url -> new FhirStoreSettings(url, username.orElse(""), password.orElse(""), poolSize))
                .orElseGet(() -> FhirStoreSettings.h2File(data)));
        connections = new FhirConnectionStore(store, providers);
        observations = new FhirObservationStore(store, providers);
        syncPoints = new FhirSyncPoints(store);
        outbox = new FhirEventOutbox(store);
        units = new FhirUnitOfWork(store);
        audits = QueuedAuditTrail.of(new FhirAuditTrail(store), AUDIT_QUEUE);
    }

    /** Starts the store with the application rather than on the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        store();
    }

    @PreDestroy
    void stop() {
        if (audits != null) {
            audits.close(); // what is queued is written before the store closes
        }
        if (store != null) {
            store.close();
        }
    }

    EmbeddedFhirStore store() {
        return store;
    }

    @Produces
    @ApplicationScoped
    ConnectionStore connectionStore() {
        return connections;
    }

    @Produces
    @ApplicationScoped
    StoredCredentials storedCredentials() {
        return connections;
    }

    @Produces
    @ApplicationScoped
    SyncMarks syncMarks() {
        return connections;
    }

    @Produces
    @ApplicationScoped
    ReauthMarks reauthMarks() {
        return connections;
    }

    @Produces
    @ApplicationScoped
    ConnectionEnding connectionEnding() {
        return connections;
    }

    @Produces
    @ApplicationScoped
    EventOutbox eventOutbox() {
        return outbox;
    }

    @Produces
    @ApplicationScoped
    UnitOfWork unitOfWork() {
        return units;
    }

    @Produces
    @ApplicationScoped
    ObservationStore observationStore() {
        return observations;
    }

    @Produces
    @ApplicationScoped
    SyncPoints syncPoints() {
        return syncPoints;
    }

    /** The audit trail, as {@code AuditEvent}s in the same store ({@link FhirAuditTrail}), written off the request. */
    @Produces
    @ApplicationScoped
    AuditTrail auditTrail() {
        return audits;
    }
}
