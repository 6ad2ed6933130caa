package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.entity.StorageSettings;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import ca.uhn.fhir.jpa.searchparam.extractor.SearchParamExtractorR4;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry.SearchParamLookupContextEnum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's type hierarchy ({@link FhirTypeHierarchy}) is the specification's, and its search parameter extractor ({@link LeanSearchParamExtractor}) finds, for every search parameter
 * the store has active on the resource types the gateway writes, the same values as HAPI's own R4 extractor, whose
 * FHIRPath engine holds the whole R4 specification, on resources with every element those parameters read.
 */
class LeanSearchParamExtractorTest {
    private static EmbeddedFhirStore store;
    private static ISearchParamExtractor stores;
    private static SearchParamExtractorR4 hapis;

    @BeforeAll
    static void extractors() {
        store = SharedFhirStore.get();
        stores = store.bean(ISearchParamExtractor.class);
        // HAPI's extractor on a context of its own, whose validation support is the default: every R4 definition
        hapis = new SearchParamExtractorR4(
                store.bean(StorageSettings.class),
                store.bean(PartitionSettings.class),
                FhirContext.forR4(),
                store.bean(ISearchParamRegistry.class));
    }

    @Test
    void theStoreRunsTheLeanExtractor() {
        assertThat(stores).isInstanceOf(LeanSearchParamExtractor.class);
    }

    @Test
    void theTypeHierarchyIsTheSpecificationsForEveryResourceAndDataType() {
        FhirContext context = FhirContext.forR4();
        var specification = new DefaultProfileValidationSupport(context);
        List<StructureDefinition> ours = new FhirTypeHierarchy(store.fhirContext()).fetchAllStructureDefinitions();

        assertThat(ours).hasSizeGreaterThan(context.getResourceTypes().size());
        for (StructureDefinition type : ours) {
            var theirs = (StructureDefinition) specification.fetchStructureDefinition(type.getUrl());
            assertThat(theirs).as(type.getUrl()).isNotNull();
            assertThat(type.getType()).as(type.getUrl()).isEqualTo(theirs.getType());
            assertThat(type.getKind()).as(type.getUrl()).isEqualTo(theirs.getKind());
            assertThat(type.getDerivation()).as(type.getUrl()).isEqualTo(theirs.getDerivation());
            assertThat(type.getBaseDefinition()).as(type.getUrl()).isEqualTo(theirs.getBaseDefinition());
        }
        for (String resource : context.getResourceTypes()) {
            assertThat(ours).as(resource).anyMatch(type -> type.getUrl().equals(FhirTypeHierarchy.BASE + resource));
        }
    }

    @Test
    void everyParameterOfAnObservationFindsWhatHapisExtractorFinds() {
        Observation observation = new Observation();
        observation.addIdentifier().setSystem("urn:test").setValue("o-1");
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "activity", null)));
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "41950-7", null)));
        observation.setSubject(new Reference("Patient/p-1"));
        observation.setDevice(new Reference("Device/d-1"));
        observation.setEffective(new Period()
                .setStartElement(new DateTimeType("2026-11-30T08:00:00Z"))
                .setEndElement(new DateTimeType("2026-11-30T09:00:00Z")));
        observation.setIssuedElement(new InstantType("2026-11-30T09:01:00Z"));
        observation.setValue(new Quantity(1234).setUnit("steps").setSystem("http://unitsofmeasure.org"));
        observation.addPerformer(new Reference("Patient/p-1"));
        observation.setMethod(new CodeableConcept(new Coding("urn:test", "method", null)));
        observation.getMeta().addProfile("urn:test:profile").addTag("urn:test", "tag", null);

        assertSameAsHapi(observation);
    }

    @Test
    void everyParameterOfAnAuditEventFindsWhatHapisExtractorFinds() {
        AuditEvent event = new AuditEvent();
        event.setType(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110100", null));
        event.addSubtype(new Coding("urn:test", "connected", null));
        event.setAction(AuditEvent.AuditEventAction.E);
        event.setRecordedElement(
                new InstantType(Instant.parse("2026-11-30T09:00:00Z").toString()));
        event.setOutcome(AuditEvent.AuditEventOutcome._0);
        event.addAgent()
                .setRequestor(true)
                .setAltId("key-1")
                .setName("someone")
                .setWho(new Reference("Device/gateway"));
        event.getSource().setObserver(new Reference("Device/gateway")).setSite("test");
        event.addEntity().setWhat(new Reference("Endpoint/1")).setName("connection");

        assertSameAsHapi(event);
    }

    @Test
    void everyParameterOfAnEndpointADeviceABasicAndASubscriptionFindsWhatHapisExtractorFinds() {
        Endpoint endpoint = new Endpoint();
        endpoint.addIdentifier().setSystem("urn:test").setValue("e-1");
        endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
        endpoint.setName("oura");
        endpoint.setConnectionType(new Coding("urn:test", "oauth2", null));
        endpoint.setAddress("https://example.test/");
        endpoint.setManagingOrganization(new Reference("Organization/o-1"));
        endpoint.addPayloadType(new CodeableConcept(new Coding("urn:test", "any", null)));

        Device device = new Device();
        device.addIdentifier().setSystem("urn:test").setValue("d-1");
        device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
        device.setManufacturer("Oura");
        device.addDeviceName().setName("Ring").setType(Device.DeviceNameType.USERFRIENDLYNAME);
        device.setPatient(new Reference("Patient/p-1"));
        device.setType(new CodeableConcept(new Coding("urn:test", "ring", null)));
        device.setUrl("https://example.test/device");

        Basic basic = new Basic();
        basic.addIdentifier().setSystem("urn:test").setValue("b-1");
        basic.setCode(new CodeableConcept(new Coding("urn:test", "sync-point", null)));
        basic.setSubject(new Reference("Endpoint/e-1"));
        basic.setAuthor(new Reference("Device/gateway"));
        basic.setCreatedElement(new DateType("2026-11-30"));

        Subscription subscription = new Subscription();
        subscription.setStatus(Subscription.SubscriptionStatus.OFF);
        subscription.setCriteria("Observation?code=41950-7");
        subscription
                .getChannel()
                .setType(Subscription.SubscriptionChannelType.RESTHOOK)
                .setEndpoint("https://example.test/hook")
                .setPayload("application/fhir+json");
        subscription.addContact().setValue("ops@example.test");

        assertSameAsHapi(endpoint);
        assertSameAsHapi(device);
        assertSameAsHapi(basic);
        assertSameAsHapi(subscription);
    }

    @Test
    void everyParameterOfTheStoredSearchParametersFindsWhatHapisExtractorFinds() {
        IndexedSearchParameters.definitions(store.fhirContext()).forEach(this::assertSameAsHapi);
    }

    /** For each active search parameter of the resource's type: the same values, and some for each indexed one. */
    private void assertSameAsHapi(Resource resource) {
        String type = resource.fhirType();
        List<RuntimeSearchParam> parameters = new ArrayList<>(store.bean(ISearchParamRegistry.class)
                .getActiveSearchParams(type, SearchParamLookupContextEnum.INDEX)
                .values());
        parameters.removeIf(
                parameter -> parameter.getPath() == null || parameter.getPath().isBlank());
        assertThat(parameters).as("active search parameters of " + type).isNotEmpty();
        for (RuntimeSearchParam parameter : parameters) {
            String path = parameter.getPath();
            List<IBase> ours =
                    List.copyOf(stores.getPathValueExtractor(resource, path).get());
            List<IBase> theirs =
                    List.copyOf(hapis.getPathValueExtractor(resource, path).get());
            assertThat(ours)
                    .as(type + ":" + parameter.getName() + " (" + path + ")")
                    .usingElementComparator((a, b) -> ((Base) a).equalsDeep((Base) b) ? 0 : 1)
                    .containsExactlyElementsOf(theirs);
            if (IndexedSearchParameters.INDEXED.getOrDefault(type, List.of()).contains(parameter.getName())) {
                assertThat(ours)
                        .as(type + ":" + parameter.getName() + " finds a value")
                        .isNotEmpty();
            }
        }
    }
}
