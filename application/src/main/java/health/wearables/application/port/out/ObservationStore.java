package health.wearables.application.port.out;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.sync.ObservationDraft;
import java.util.List;

/**
 * Where a sync writes what it read: the project's FHIR store, as Observations of the connection's patient, each one
 * linked to the connection's Device. Writing is idempotent by the draft's identifier: the same provider record written
 * again leaves one Observation (a changed value becomes a new version of it, an unchanged one writes nothing).
 *
 * <p>Every method throws {@link ConnectionStoreUnavailable} when the store cannot be reached.
 */
public interface ObservationStore {

    /**
     * Writes one page of drafts, all of the given connection, in one transaction: all of them or none.
     *
     * @return how many Observations were created or changed (an unchanged one is not counted)
     * @throws ConnectionEnded when the connection is no longer active when the page would commit: nothing is written
     */
    int write(ConnectionKey connection, List<ObservationDraft> page);
}
