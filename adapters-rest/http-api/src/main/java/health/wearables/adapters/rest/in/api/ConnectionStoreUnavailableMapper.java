package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.Unavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;

/** The FHIR store cannot be reached where nothing can stand in for it: 503, no exception text in the body. */
@Provider
public class ConnectionStoreUnavailableMapper implements ExceptionMapper<Unavailable.ConnectionStore> {
    private static final System.Logger LOG = System.getLogger(ConnectionStoreUnavailableMapper.class.getName());

    @Override
    public Response toResponse(Unavailable.ConnectionStore e) {
        LOG.log(Level.ERROR, "connection store unavailable: {0}", e.getMessage());
        return ApiErrors.json(
                        503,
                        "CONNECTION_STORE_UNAVAILABLE",
                        "The gateway cannot reach its FHIR store. Try again shortly.")
                .header("Retry-After", "5")
                .build();
    }
}
