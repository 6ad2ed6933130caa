package health.wearables.adapters.fhir;

import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.ConnectionEndingContract;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.StoredCredentials;

/** The connection-ending contract against the FHIR store on PostgreSQL. */
class FhirConnectionEndingTest extends ConnectionEndingContract {
    private final FhirConnectionStore store = SharedFhirStore.connections();

    @Override
    protected ConnectionEnding ending() {
        return store;
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }

    @Override
    protected StoredCredentials credentials() {
        return store;
    }
}
