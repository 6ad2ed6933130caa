package health.wearables.adapters.fhir;

import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.SyncMarks;
import health.wearables.application.port.out.SyncMarksContract;

/** The sync-marks contract against HAPI FHIR JPA on the real PostgreSQL (the {@code sync|pending} meta tag). */
class FhirSyncMarksTest extends SyncMarksContract {
    private final FhirConnectionStore store = SharedFhirStore.connections();

    @Override
    protected SyncMarks marks() {
        return store;
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
