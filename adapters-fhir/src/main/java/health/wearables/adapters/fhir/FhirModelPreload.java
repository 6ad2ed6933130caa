package health.wearables.adapters.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.lang.System.Logger.Level;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Reads HAPI's model of every R4 resource type, and the type hierarchy of the store's FHIRPath engine
 * ({@link FhirTypeHierarchy}), on a thread of its own as soon as the store's FHIR context exists, while the start goes
 * on building Hibernate's metadata and the schema on the other.
 *
 * <p>The start reads all of it anyway, one type after another on its one thread: HAPI makes a DAO for every resource
 * type and its search parameter registry takes each type's parameters from the model, and the search parameter
 * extractor's engine needs the hierarchy. Most of that time is class loading (the model's classes), which Liberty's
 * application class loader does in parallel for different classes. Nothing is read that the start would not read: the
 * context scans each type once, under its own lock, whichever thread asks first, and the hierarchy loads once
 * ({@link FhirTypeHierarchy} waits for a load in progress). A failure here changes nothing: the start reads the same
 * again on its own thread, where a failure stops it.
 */
final class FhirModelPreload implements BeanPostProcessor {
    /** HAPI's name for the store's FHIR context (FhirContextR4Config, {@code @Primary}). */
    static final String PRIMARY_CONTEXT = "primaryFhirContext";

    private static final System.Logger LOG = System.getLogger(FhirModelPreload.class.getName());

    private volatile FhirTypeHierarchy hierarchy;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof FhirContext context && PRIMARY_CONTEXT.equals(beanName) && hierarchy == null) {
            FhirTypeHierarchy types = new FhirTypeHierarchy(context);
            hierarchy = types;
            Thread thread = new Thread(() -> preload(context, types), "fhir-store-model");
            thread.setDaemon(true);
            thread.start();
        }
        return bean;
    }

    /** The hierarchy of the store's context, loaded or being loaded; a new one for any other context. */
    FhirTypeHierarchy hierarchy(FhirContext context) {
        FhirTypeHierarchy types = hierarchy;
        return types != null && types.getFhirContext() == context ? types : new FhirTypeHierarchy(context);
    }

    private static void preload(FhirContext context, FhirTypeHierarchy types) {
        long started = System.nanoTime();
        try {
            for (String type : context.getResourceTypes()) {
                context.getResourceDefinition(type);
            }
            types.fetchAllStructureDefinitions();
            LOG.log(Level.DEBUG, "FHIR model read in {0} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "FHIR model not read ahead; the start reads it itself", e);
        }
    }
}
