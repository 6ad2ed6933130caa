package health.wearables.adapters.fhir;

import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.StoredCredentialsContract;

/** The stored-credentials contract against HAPI FHIR JPA on the real PostgreSQL (compare-and-set by HAPI's version). */
class FhirStoredCredentialsTest extends StoredCredentialsContract {
    private final FhirConnectionStore store = SharedFhirStore.connections();

    @Override
    protected StoredCredentials stored() {
        return store;
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }
}
