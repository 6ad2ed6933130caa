package health.wearables.application.port.in;

import health.wearables.domain.ApiKey;
import health.wearables.domain.Step;
import java.util.Optional;

/**
 * A platform ends a patient's connection ({@code DELETE /v1/wearables/{provider}/connections/{patientId}}): the grant
 * is revoked at the provider where it offers revocation (retried later when that fails, never holding up the local
 * end), the connection ends with its token material gone, and nothing of it is synced again; with {@code purge} its
 * Observations and Device are deleted too. Ending an ended connection again changes nothing and asks nothing of the
 * provider.
 */
@FunctionalInterface
public interface DisconnectConnection {

    Step<Disconnected> disconnect(Optional<ApiKey> apiKey, String provider, String patientId, boolean purge);

    /** What the disconnect came to. */
    enum Disconnected {
        /** The connection ended now ({@code 204}). */
        ENDED,
        /** It had ended before ({@code 204}, nothing more sent or emitted). */
        ALREADY_ENDED,
        /** The project has no such connection ({@code 404 CONNECTION_NOT_FOUND}). */
        NOT_FOUND
    }
}
