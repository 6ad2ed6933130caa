package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import health.wearables.application.port.out.Samples;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.audit.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The targets of a batch of AuditEvents' references, looked up together before the creates: an Endpoint of the store
 * with its resource id, a Patient (never in the store) and a deleted Endpoint as not found; and the batch's records
 * linked to their Endpoint exactly as one create at a time links them.
 */
class ReferenceTargetsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private static EmbeddedFhirStore fhir;
    private static ReferenceTargets targets;

    @BeforeAll
    static void start() {
        fhir = SharedFhirStore.get();
        targets = new ReferenceTargets(fhir);
    }

    private static DaoMethodOutcome storedEndpoint() {
        Endpoint endpoint = new Endpoint();
        endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
        endpoint.setAddress("urn:wearables:provider:test");
        return fhir.endpoints().create(endpoint, new SystemRequestDetails());
    }

    @Test
    void an_endpoint_is_given_with_its_resource_id_and_a_patient_or_a_deleted_endpoint_as_not_found() {
        ConnectionKey key = Samples.connectionKey();
        DaoMethodOutcome live = storedEndpoint();
        DaoMethodOutcome gone = storedEndpoint();
        fhir.endpoints().delete(gone.getId().toUnqualifiedVersionless(), new SystemRequestDetails());
        String liveId = live.getId().getIdPart();
        String goneId = gone.getId().getIdPart();
        List<AuditEvent> events = List.of(
                AuditEventMapping.of(AuditRecord.callbackCompleted(key, Optional.of(liveId), NOW)),
                AuditEventMapping.of(AuditRecord.deauthorized(key, goneId, NOW)),
                AuditEventMapping.of(AuditRecord.tokenRefreshed(key, NOW)));
        TransactionDetails details = new TransactionDetails();

        new TransactionTemplate(fhir.transactions())
                .executeWithoutResult(status -> targets.resolveInto(events, details));

        IResourcePersistentId<?> endpoint = details.getResolvedResourceId(new IdType("Endpoint", liveId));
        assertThat(endpoint).isNotNull();
        assertThat(endpoint.getId()).isEqualTo(live.getPersistentId().getId());
        assertThat(details.hasNullResolvedResourceId(new IdType("Endpoint", goneId)))
                .isTrue();
        assertThat(details.hasNullResolvedResourceId(
                        new IdType("Patient", key.patient().value())))
                .isTrue();
    }

    @Test
    void a_batch_links_each_record_to_its_endpoint_as_records_written_one_by_one_are() {
        ConnectionKey key = Samples.connectionKey();
        String endpointId = storedEndpoint().getId().getIdPart();
        FhirAuditTrail trail = new FhirAuditTrail(fhir);
        List<AuditRecord> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(AuditRecord.callbackCompleted(key, Optional.of(endpointId), NOW.plusSeconds(i)));
        }
        batch.add(AuditRecord.tokenRefreshed(key, NOW.plusSeconds(3))); // names no Endpoint

        trail.writeAll(batch);
        trail.write(AuditRecord.deauthorized(key, endpointId, NOW.plusSeconds(4)));

        SearchParameterMap byEntity =
                SearchParameterMap.newSynchronous(AuditEvent.SP_ENTITY, new ReferenceParam("Endpoint/" + endpointId));
        assertThat(FhirAuditTrailTest.search(byEntity))
                .extracting(FhirAuditTrailTest::action)
                .extracting(action -> action.code())
                .containsExactly("callback-completed", "callback-completed", "callback-completed", "deauthorized");
    }
}
