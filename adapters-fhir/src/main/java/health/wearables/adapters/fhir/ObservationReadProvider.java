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
import ca.uhn.fhir.rest.param.ParameterUtil;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;

/**
 * Read and search of the synced Observations, always within the calling project ({@link ProjectScope}): by patient
 * (through the patient's Devices: the store holds no Patient, so HAPI indexes no reference to one),
 * code, category, date ({@code ge}, {@code lt} and the other prefixes), identifier, device and last update, sorted
 * by any of them, a page of {@code _count} at {@code _offset}. No write operations: Observations are written by the
 * sync only.
 */
final class ObservationReadProvider implements IResourceProvider {
    private final IFhirResourceDao<Observation> observations;

    ObservationReadProvider(IFhirResourceDao<Observation> observations) {
        this.observations = observations;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Observation.class;
    }

    @Read(version = true)
    public Observation read(@IdParam IdType id, RequestDetails request) {
        return ProjectScope.read(observations, id, request);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Observation.SP_PATIENT) ReferenceAndListParam patient,
            @OptionalParam(name = Observation.SP_CODE) TokenAndListParam code,
            @OptionalParam(name = Observation.SP_CATEGORY) TokenAndListParam category,
            @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Observation.SP_IDENTIFIER) TokenAndListParam identifier,
            @OptionalParam(name = Observation.SP_DEVICE) ReferenceAndListParam device,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count,
            @Offset Integer offset,
            RequestDetails request) {
        SearchParameterMap search = ProjectScope.search(count, offset, request);
        if (patient != null) {
            search.add(Observation.SP_DEVICE, byDevicePatient(ProjectScope.patientIdentifiers(patient, request)));
        }
        if (code != null) {
            search.add(Observation.SP_CODE, code);
        }
        if (category != null) {
            search.add(Observation.SP_CATEGORY, category);
        }
        if (date != null) {
            search.add(Observation.SP_DATE, date);
        }
        if (identifier != null) {
            search.add(Observation.SP_IDENTIFIER, identifier);
        }
        if (device != null) {
            search.add(Observation.SP_DEVICE, device);
        }
        if (lastUpdated != null) {
            search.setLastUpdated(lastUpdated);
        }
        if (sort != null) {
            search.setSort(sort);
        }
        return observations.search(search, request);
    }

    /** Observations whose Device is the patient's ({@code device:Device.identifier}): every Observation has one. */
    private static ReferenceAndListParam byDevicePatient(TokenAndListParam patientIdentifiers) {
        ReferenceAndListParam devices = new ReferenceAndListParam();
        for (TokenOrListParam anyOf : patientIdentifiers.getValuesAsQueryTokens()) {
            ReferenceOrListParam references = new ReferenceOrListParam();
            for (TokenParam identifier : anyOf.getValuesAsQueryTokens()) {
                references.addOr(new ReferenceParam(
                        "Device",
                        Device.SP_IDENTIFIER,
                        identifier.getSystem() + "|" + ParameterUtil.escape(identifier.getValue())));
            }
            devices.addAnd(references);
        }
        return devices;
    }
}
