package health.wearables.adapters.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.System.Logger.Level;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Owns HAPI FHIR's Spring context. Nothing of Spring or HAPI's DAO layer leaves this adapter: the rest of the gateway
 * sees the ports only ({@code ConnectionStore} and its siblings, {@code ObservationStore}, {@code SyncPoints}).
 */
public final class EmbeddedFhirStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedFhirStore.class.getName());

    private final AnnotationConfigApplicationContext context;
    private final LazyRepositories repositories;

    private EmbeddedFhirStore(AnnotationConfigApplicationContext context, LazyRepositories repositories) {
        this.context = context;
        this.repositories = repositories;
    }

    public static EmbeddedFhirStore start(FhirStoreSettings settings) {
        long started = System.nanoTime();
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setClassLoader(EmbeddedFhirStore.class.getClassLoader());
        context.setAllowBeanDefinitionOverriding(true);
        context.registerBean(FhirStoreSettings.class, () -> settings);
        context.register(HapiJpaConfiguration.class);
        LazyRepositories repositories = LazyRepositories.install(context);
        try {
            context.refresh();
            IndexedSearchParameters.store(
                    context.getBean(DaoRegistry.class),
                    context.getBean(ca.uhn.fhir.rest.server.util.ISearchParamRegistry.class),
                    context.getBean(FhirContext.class));
        } catch (RuntimeException e) {
            context.close();
            throw new IllegalStateException("The FHIR store could not start on " + settings + ": " + e.getMessage(), e);
        }
        LOG.log(
                Level.INFO,
                "FHIR store started on {0} in {1} ms ({2} of its {3} repositories built, the others on first use)",
                settings,
                (System.nanoTime() - started) / 1_000_000,
                repositories.built().size(),
                repositories.definitions().size());
        return new EmbeddedFhirStore(context, repositories);
    }

    public FhirContext fhirContext() {
        return context.getBean(FhirContext.class);
    }

    public IFhirResourceDao<Endpoint> endpoints() {
        return context.getBean(DaoRegistry.class).getResourceDao(Endpoint.class);
    }

    IFhirResourceDao<Observation> observations() {
        return context.getBean(DaoRegistry.class).getResourceDao(Observation.class);
    }

    /** The audit trail ({@link FhirAuditTrail}), which {@code /fhir} serves to the owning project. */
    IFhirResourceDao<AuditEvent> auditEvents() {
        return context.getBean(DaoRegistry.class).getResourceDao(AuditEvent.class);
    }

    IFhirResourceDao<Device> devices() {
        return context.getBean(DaoRegistry.class).getResourceDao(Device.class);
    }

    /** The sync states ({@link FhirSyncPoints}): R4 {@code Basic}, which {@code /fhir} does not serve. */
    IFhirResourceDao<Basic> basics() {
        return context.getBean(DaoRegistry.class).getResourceDao(Basic.class);
    }

    /** HAPI's system DAO, which runs a FHIR transaction Bundle in one database transaction. */
    @SuppressWarnings("unchecked") // the R4 system DAO's type parameters, which the registry does not carry
    IFhirSystemDao<Bundle, Meta> system() {
        return (IFhirSystemDao<Bundle, Meta>) context.getBean(DaoRegistry.class).getSystemDao();
    }

    /** The entity manager of the transaction in progress (Spring's shared proxy), the one HAPI's DAOs use in it. */
    EntityManager entityManager() {
        return SharedEntityManagerCreator.createSharedEntityManager(context.getBean(EntityManagerFactory.class));
    }

    /** The transaction manager HAPI's DAOs join: several DAO calls in one database transaction. */
    PlatformTransactionManager transactions() {
        return context.getBean(PlatformTransactionManager.class);
    }

    /** The names of the repositories built so far (the others are built on first use: {@link LazyRepositories}). */
    java.util.Set<String> builtRepositories() {
        return repositories.built();
    }

    /** The names of all of HAPI's repositories, built or not. */
    java.util.Set<String> repositories() {
        return repositories.definitions();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
