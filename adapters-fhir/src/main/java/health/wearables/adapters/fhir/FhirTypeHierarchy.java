package health.wearables.adapters.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;

/**
 * The R4 type hierarchy, as StructureDefinitions, for a FHIRPath engine ({@link LeanSearchParamExtractor}).
 *
 * <p>The data types are the specification's own definitions (HAPI's {@code profiles-types.xml}, 1.4 MB, read on
 * first use). A resource is a definition of its name, type, kind and base only (Observation derives from
 * DomainResource, which derives from Resource), made from HAPI's model of the resource: the engine needs no more of
 * a resource to match a path's first name, and reads no element of its snapshot when it evaluates. Everything else a
 * validation support answers (value sets, code systems, profiles) is unknown here.
 */
final class FhirTypeHierarchy implements IValidationSupport {
    static final String BASE = "http://hl7.org/fhir/StructureDefinition/";
    private static final String DATA_TYPES = "/org/hl7/fhir/r4/model/profile/profiles-types.xml";
    private static final String RESOURCE = "Resource";
    private static final String DOMAIN_RESOURCE = "DomainResource";

    private final FhirContext context;
    private volatile Map<String, StructureDefinition> definitions;

    FhirTypeHierarchy(FhirContext context) {
        this.context = context;
    }

    @Override
    public FhirContext getFhirContext() {
        return context;
    }

    @Override
    public String getName() {
        return "R4 type hierarchy";
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
        return url == null ? null : definitions().get(url);
    }

    @Override
    @SuppressWarnings("unchecked") // the interface's type parameter: the caller asks for StructureDefinitions
    public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
        return (List<T>) new ArrayList<>(definitions().values());
    }

    private Map<String, StructureDefinition> definitions() {
        Map<String, StructureDefinition> known = definitions;
        if (known == null) {
            synchronized (this) {
                known = definitions;
                if (known == null) {
                    known = load();
                    definitions = known;
                }
            }
        }
        return known;
    }

    private Map<String, StructureDefinition> load() {
        Map<String, StructureDefinition> known = new LinkedHashMap<>();
        try (InputStream types = StructureDefinition.class.getResourceAsStream(DATA_TYPES)) {
            if (types == null) {
                throw new IllegalStateException(
                        "HAPI's R4 data type definitions are not on the class path: " + DATA_TYPES);
            }
            Bundle bundle = context.newXmlParser().parseResource(Bundle.class, types);
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof StructureDefinition definition) {
                    known.put(definition.getUrl(), definition);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        add(known, RESOURCE, null, true);
        add(known, DOMAIN_RESOURCE, RESOURCE, true);
        for (String type : context.getResourceTypes()) {
            RuntimeResourceDefinition resource = context.getResourceDefinition(type);
            boolean domain = DomainResource.class.isAssignableFrom(resource.getImplementingClass());
            add(known, type, domain ? DOMAIN_RESOURCE : RESOURCE, false);
        }
        return Collections.unmodifiableMap(known);
    }

    private static void add(Map<String, StructureDefinition> known, String type, String base, boolean isAbstract) {
        StructureDefinition definition = new StructureDefinition();
        definition.setUrl(BASE + type);
        definition.setName(type);
        definition.setType(type);
        definition.setKind(StructureDefinitionKind.RESOURCE);
        definition.setAbstract(isAbstract);
        if (base != null) { // Resource, the root, derives from nothing
            definition.setDerivation(TypeDerivationRule.SPECIALIZATION);
            definition.setBaseDefinition(BASE + base);
        }
        known.putIfAbsent(definition.getUrl(), definition);
    }
}
