package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;

/**
 * Read and search of the audit trail, always within the calling project ({@link ProjectScope}): by patient (the
 * project-patient tag each record of a patient carries: the store holds no Patient, so HAPI indexes no reference to
 * one), entity (the {@code Endpoint/<id>}), subtype (the gateway's action code), outcome and date, sorted, a page of {@code _count} at {@code _offset}. A refused API key's record names no project and is seen
 * by none. No write operations: the gateway alone writes the trail.
 */
final class AuditEventReadProvider implements IResourceProvider {
    private final IFhirResourceDao<AuditEvent> auditEvents;

    AuditEventReadProvider(IFhirResourceDao<AuditEvent> auditEvents) {
        this.auditEvents = auditEvents;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return AuditEvent.class;
    }

    @Read(version = true)
    public AuditEvent read(@IdParam IdType id, RequestDetails request) {
        return ProjectScope.read(auditEvents, id, request);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceAndListParam patient,
            @OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceAndListParam entity,
            @OptionalParam(name = AuditEvent.SP_SUBTYPE) TokenAndListParam subtype,
            @OptionalParam(name = AuditEvent.SP_OUTCOME) TokenAndListParam outcome,
            @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
            @Sort SortSpec sort,
            @Count Integer count,
            @Offset Integer offset,
            RequestDetails request) {
        SearchParameterMap search = ProjectScope.search(count, offset, request);
        if (patient != null) {
            search.add("_tag", ProjectScope.patientIdentifiers(patient, request));
        }
        if (entity != null) {
            search.add(AuditEvent.SP_ENTITY, entity);
        }
        if (subtype != null) {
            search.add(AuditEvent.SP_SUBTYPE, subtype);
        }
        if (outcome != null) {
            search.add(AuditEvent.SP_OUTCOME, outcome);
        }
        if (date != null) {
            search.add(AuditEvent.SP_DATE, date);
        }
        if (sort != null) {
            search.setSort(sort);
        }
        return auditEvents.search(search, request);
    }
}
