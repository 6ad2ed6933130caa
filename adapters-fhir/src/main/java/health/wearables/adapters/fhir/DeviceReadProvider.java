package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.IdType;

/**
 * Read and search of Devices (one per connection: the wearable as the source of its Observations), always within the
 * calling project ({@link ProjectScope}). No write operations.
 */
final class DeviceReadProvider implements IResourceProvider {
    private final IFhirResourceDao<Device> devices;

    DeviceReadProvider(IFhirResourceDao<Device> devices) {
        this.devices = devices;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Device.class;
    }

    @Read(version = true)
    public Device read(@IdParam IdType id, RequestDetails request) {
        return ProjectScope.read(devices, id, request);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Device.SP_PATIENT) ReferenceAndListParam patient,
            @OptionalParam(name = Device.SP_IDENTIFIER) TokenAndListParam identifier,
            @Count Integer count,
            @Offset Integer offset,
            RequestDetails request) {
        SearchParameterMap search = ProjectScope.search(count, offset, request);
        if (patient != null) {
            search.add(Device.SP_IDENTIFIER, ProjectScope.patientIdentifiers(patient, request));
        }
        if (identifier != null) {
            search.add(Device.SP_IDENTIFIER, identifier);
        }
        return devices.search(search, request);
    }
}
