package health.wearables.domain.callback;

import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import java.util.Optional;

/** The last state before the answer: connected with the sync queued, or held for a retry. */
public sealed interface Concluded permits SyncQueued, HeldForRetry {

    PendingAuthorization pending();

    /** The answer, given the project as configured now (the redirect is checked against the allow-list again). */
    CallbackAnswer answer(Optional<Project> projectNow);
}
