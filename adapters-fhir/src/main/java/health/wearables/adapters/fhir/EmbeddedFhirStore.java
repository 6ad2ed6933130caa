package health.wearables.adapters.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import java.lang.System.Logger.Level;
import org.hl7.fhir.r4.model.Endpoint;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Owns HAPI FHIR's Spring context. Nothing of Spring or HAPI's DAO layer leaves this adapter: the rest of the gateway
 * sees the {@code ConnectionStore} port only.
 */
public final class EmbeddedFhirStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedFhirStore.class.getName());

    private final AnnotationConfigApplicationContext context;

    private EmbeddedFhirStore(AnnotationConfigApplicationContext context) {
        this.context = context;
    }

    public static EmbeddedFhirStore start(FhirStoreSettings settings) {
        long started = System.nanoTime();
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setClassLoader(EmbeddedFhirStore.class.getClassLoader());
        context.setAllowBeanDefinitionOverriding(true);
        context.registerBean(FhirStoreSettings.class, () -> settings);
        context.register(HapiJpaConfiguration.class);
        try {
            context.refresh();
        } catch (RuntimeException e) {
            context.close();
            throw new IllegalStateException("The FHIR store could not start on " + settings + ": " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "FHIR store started on {0} in {1} ms", settings, (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedFhirStore(context);
    }

    public FhirContext fhirContext() {
        return context.getBean(FhirContext.class);
    }

    public IFhirResourceDao<Endpoint> endpoints() {
        return context.getBean(DaoRegistry.class).getResourceDao(Endpoint.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
