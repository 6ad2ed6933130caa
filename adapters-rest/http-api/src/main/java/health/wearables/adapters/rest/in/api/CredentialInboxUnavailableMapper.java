package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.Unavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The FHIR store and then Redis failed after a successful exchange, so the tokens could be neither stored nor held
 * for a retry: a 503 as for Redis being down (the callback already logged it at ERROR, without secrets).
 */
@Provider
public class CredentialInboxUnavailableMapper implements ExceptionMapper<Unavailable.CredentialInbox> {

    @Override
    public Response toResponse(Unavailable.CredentialInbox e) {
        return ApiErrors.json(
                        503,
                        "STATE_STORE_UNAVAILABLE",
                        "The gateway could not keep the connection because its stores are unavailable; connect again shortly.")
                .header("Retry-After", "30")
                .build();
    }
}
