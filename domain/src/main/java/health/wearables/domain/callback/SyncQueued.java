package health.wearables.domain.callback;

import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import health.wearables.domain.StoredConnection;
import java.util.Optional;

/** State 6: connected and the sync queued; only the answer is left. */
public record SyncQueued(PendingAuthorization pending, StoredConnection connection) implements Concluded {

    /**
     * The answer, given the project as configured now: the redirect is checked against the allow-list again, and
     * falls back to JSON if it no longer passes.
     */
    @Override
    public CallbackAnswer answer(Optional<Project> projectNow) {
        return CallbackAnswer.connected(pending, projectNow);
    }
}
