package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.Unavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;

/**
 * The store of revocations owed (Redis) could not be reached during a disconnect: nothing was ended, so a retry is
 * safe and needed ({@code 503 REVOCATION_STORE_UNAVAILABLE}).
 */
@Provider
public class RevocationStoreUnavailableMapper implements ExceptionMapper<Unavailable.RevocationStore> {
    private static final System.Logger LOG = System.getLogger(RevocationStoreUnavailableMapper.class.getName());

    @Override
    public Response toResponse(Unavailable.RevocationStore e) {
        LOG.log(Level.ERROR, "revocation store unavailable: {0}", e.getMessage());
        return ApiErrors.json(
                        503,
                        "REVOCATION_STORE_UNAVAILABLE",
                        "The gateway cannot record the revocation it owes the provider; the connection was not ended."
                                + " Try again shortly.")
                .header("Retry-After", "5")
                .build();
    }
}
