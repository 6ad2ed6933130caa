package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.ExpungeOptions;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import health.wearables.domain.ConnectionKey;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;

/**
 * Deletes what a connection's syncs wrote ({@code DELETE …?purge=true}): its Observations (those whose {@code device}
 * is the connection's Device), then the Device, each deleted and then expunged with every version of it, a page at a
 * time, so that nothing of them stays in the database. Another connection's resources are never touched: the Device
 * is found by the connection's own identifier, the Observations by that Device.
 */
final class ConnectionPurge {
    /** Resources deleted per database round; a purge of a long backfill goes page by page. */
    private static final int PAGE = 200;

    private final IFhirResourceDao<Observation> observations;
    private final IFhirResourceDao<Device> devices;

    ConnectionPurge(EmbeddedFhirStore store) {
        this.observations = store.observations();
        this.devices = store.devices();
    }

    /** Purges the connection's Observations and Device; a connection without any is left as it is. */
    void purge(ConnectionKey connection) {
        SearchParameterMap deviceSearch = SearchParameterMap.newSynchronous();
        deviceSearch.add("identifier", new TokenParam(DraftMapping.DEVICE_SYSTEM, connection.canonical()));
        for (IBaseResource device :
                devices.search(deviceSearch, new SystemRequestDetails()).getAllResources()) {
            IIdType deviceId = device.getIdElement().toUnqualifiedVersionless();
            List<IIdType> page;
            do {
                page = observationsOf(deviceId);
                page.forEach(observation -> removed(observations, observation));
            } while (page.size() == PAGE);
            removed(devices, deviceId);
        }
    }

    private List<IIdType> observationsOf(IIdType device) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add("device", new ReferenceParam(device.getValue()));
        search.setLoadSynchronousUpTo(PAGE);
        return observations.search(search, new SystemRequestDetails()).getAllResources().stream()
                .map(resource -> resource.getIdElement().toUnqualifiedVersionless())
                .toList();
    }

    private static void removed(IFhirResourceDao<?> dao, IIdType id) {
        dao.delete(id, new SystemRequestDetails());
        dao.expunge(
                id,
                new ExpungeOptions().setExpungeDeletedResources(true).setExpungeOldVersions(true),
                new SystemRequestDetails());
    }
}
