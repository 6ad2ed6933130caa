package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/**
 * The store's FHIR context is read ahead on a thread of its own ({@link FhirModelPreload}), and the search parameter
 * extractor's engine gets the hierarchy that thread loads rather than loading one of its own.
 */
class FhirModelPreloadTest {

    @Test
    void theStoresContextGetsItsHierarchyReadAheadAndHandedToTheExtractor() {
        FhirModelPreload preload = new FhirModelPreload();
        FhirContext context = FhirContext.forR4();

        assertThat(preload.postProcessAfterInitialization(context, FhirModelPreload.PRIMARY_CONTEXT))
                .isSameAs(context);

        FhirTypeHierarchy hierarchy = preload.hierarchy(context);
        assertThat(preload.hierarchy(context)).isSameAs(hierarchy);
        assertThat(hierarchy.getFhirContext()).isSameAs(context);
        List<StructureDefinition> types = hierarchy.fetchAllStructureDefinitions();
        assertThat(types)
                .extracting(StructureDefinition::getType)
                .containsAll(context.getResourceTypes())
                .contains("Quantity", "CodeableConcept", "DomainResource");
    }

    @Test
    void anotherContextOrBeanGetsAHierarchyOfItsOwn() {
        FhirModelPreload preload = new FhirModelPreload();
        FhirContext other = FhirContext.forR4();
        preload.postProcessAfterInitialization(other, "fhirContextForSomethingElse");

        assertThat(preload.hierarchy(other)).isNotSameAs(preload.hierarchy(other));

        FhirContext stores = FhirContext.forR4();
        preload.postProcessAfterInitialization(stores, FhirModelPreload.PRIMARY_CONTEXT);
        assertThat(preload.hierarchy(other).getFhirContext()).isSameAs(other);
        assertThat(preload.hierarchy(stores)).isSameAs(preload.hierarchy(stores));
    }

    @Test
    void theStoresExtractorTakesTheHierarchyTheStoreReadAhead() {
        EmbeddedFhirStore store = SharedFhirStore.get();
        FhirModelPreload preload = store.bean(FhirModelPreload.class);

        assertThat(preload.hierarchy(store.fhirContext())).isSameAs(preload.hierarchy(store.fhirContext()));
        assertThat(preload.hierarchy(store.fhirContext()).getFhirContext()).isSameAs(store.fhirContext());
    }
}
