package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import health.wearables.domain.ConnectionKey;
import java.util.List;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;

/** What the FHIR store holds for a connection, read straight through HAPI's DAOs, as tests look at it. */
final class StoredData {
    private StoredData() {}

    static List<Device> devices(EmbeddedFhirStore fhir, ConnectionKey connection) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add(Device.SP_IDENTIFIER, new TokenParam(DraftMapping.DEVICE_SYSTEM, connection.canonical()));
        return fhir.devices().search(search, new SystemRequestDetails()).getAllResources().stream()
                .map(Device.class::cast)
                .toList();
    }

    /** The Observations made by the connection's Device. */
    static List<Observation> observations(EmbeddedFhirStore fhir, ConnectionKey connection) {
        List<Device> devices = devices(fhir, connection);
        if (devices.isEmpty()) {
            return List.of();
        }
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add(
                Observation.SP_DEVICE,
                new ReferenceParam(
                        devices.get(0).getIdElement().toUnqualifiedVersionless().getValue()));
        return fhir.observations().search(search, new SystemRequestDetails()).getAllResources().stream()
                .map(Observation.class::cast)
                .toList();
    }
}
