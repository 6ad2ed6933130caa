package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The store indexes the search parameters of {@link IndexedSearchParameters} and no other: an Observation and an
 * AuditEvent written with every element a built-in parameter reads leave index rows (read over JDBC from PostgreSQL's
 * tables) for the listed parameters only, a search on a listed one finds them, and one on an unlisted built-in is refused
 * as unknown.
 */
class IndexedSearchParametersTest {
    private static final String DATABASE = "wearables_adapter_test";
    private static final String[] INDEX_TABLES = {
        "hfj_spidx_token",
        "hfj_spidx_string",
        "hfj_spidx_date",
        "hfj_spidx_quantity",
        "hfj_spidx_uri",
        "hfj_spidx_number",
        "hfj_spidx_coords"
    };

    @Test
    void anObservationIsIndexedOnTheListedParametersOnly() throws SQLException {
        EmbeddedFhirStore store = SharedFhirStore.get();
        String identifier = "indexed-" + UUID.randomUUID();
        Observation observation = new Observation();
        observation.addIdentifier().setSystem("urn:test").setValue(identifier);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "activity", null)));
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "41950-7", null)));
        observation.setSubject(new Reference("Patient/indexed"));
        observation.setDevice(new Reference("Device/indexed"));
        observation.setEffective(DateTimeType.now());
        observation.setValue(new Quantity(1234).setUnit("steps").setSystem("http://unitsofmeasure.org"));
        observation.addPerformer(new Reference("Patient/indexed"));
        observation.setMethod(new CodeableConcept(new Coding("urn:test", "method", null)));

        String id = store.observations()
                .create(observation, new SystemRequestDetails())
                .getId()
                .getIdPart();

        assertThat(indexedParameters("Observation", id))
                .isNotEmpty()
                .isSubsetOf(IndexedSearchParameters.INDEXED.get("Observation"));
        SearchParameterMap byIdentifier =
                SearchParameterMap.newSynchronous("identifier", new TokenParam("urn:test", identifier));
        assertThat(store.observations()
                        .search(byIdentifier, new SystemRequestDetails())
                        .getAllResourceIds())
                .hasSize(1);
    }

    @Test
    void anAuditEventIsIndexedOnTheListedParametersOnly() throws SQLException {
        EmbeddedFhirStore store = SharedFhirStore.get();
        AuditEvent event = new AuditEvent();
        event.setType(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110100", null));
        event.addSubtype(new Coding("urn:test", "indexed", null));
        event.setAction(AuditEvent.AuditEventAction.E);
        event.setRecordedElement(
                new org.hl7.fhir.r4.model.InstantType(java.time.Instant.now().toString()));
        event.setOutcome(AuditEvent.AuditEventOutcome._0);
        event.addAgent().setRequestor(true).setAltId("key-" + UUID.randomUUID()).setName("someone");
        event.getSource().setObserver(new Reference("Device/gateway")).setSite("test");
        event.addEntity().setWhat(new Reference("Endpoint/1")).setName("indexed");

        String id = store.auditEvents()
                .create(event, new SystemRequestDetails())
                .getId()
                .getIdPart();

        assertThat(indexedParameters("AuditEvent", id))
                .isNotEmpty()
                .isSubsetOf(IndexedSearchParameters.INDEXED.get("AuditEvent"));
    }

    @Test
    void aSearchOnABuiltInParameterThatIsNotListedIsRefusedAsUnknown() {
        SearchParameterMap byStatus = SearchParameterMap.newSynchronous("status", new TokenParam("final"));

        assertThatThrownBy(() -> SharedFhirStore.get().observations().search(byStatus, new SystemRequestDetails()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Unknown search parameter \"status\"");
    }

    @Test
    void theStoredDefinitionsAreTheBuiltInOnesOfTheSameNames() {
        EmbeddedFhirStore store = SharedFhirStore.get();
        var definitions = IndexedSearchParameters.definitions(store.fhirContext());

        assertThat(definitions)
                .hasSize(IndexedSearchParameters.INDEXED.values().stream()
                        .mapToInt(java.util.List::size)
                        .sum());
        for (var wanted : definitions) {
            var stored = store.bean(ca.uhn.fhir.jpa.api.dao.DaoRegistry.class)
                    .getResourceDao(org.hl7.fhir.r4.model.SearchParameter.class)
                    .read(wanted.getIdElement().toUnqualifiedVersionless(), new SystemRequestDetails());
            assertThat(IndexedSearchParameters.same(stored, wanted))
                    .as(wanted.getId())
                    .isTrue();
            String base = wanted.getBase().get(0).getValue();
            assertThat(wanted.getExpression())
                    .isEqualTo(store.fhirContext()
                            .getResourceDefinition(base)
                            .getSearchParam(wanted.getCode())
                            .getPath());
        }
    }

    /** The names of the search parameters with index rows for the resource, over JDBC. */
    private static Set<String> indexedParameters(String resourceType, String id) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + TestDatabases.HOST + "/" + DATABASE, TestDatabases.USER, "")) {
            for (String table : INDEX_TABLES) {
                try (PreparedStatement query = connection.prepareStatement("select distinct sp_name from " + table
                        + " where res_id = (select res_id from hfj_resource where res_type = ? and fhir_id = ?)")) {
                    query.setString(1, resourceType);
                    query.setString(2, id);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            names.add(rows.getString(1));
                        }
                    }
                }
            }
        }
        return names;
    }
}
