package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.Unavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;

/** Redis unreachable: fail closed, with a 503 and no exception text in the body. */
@Provider
public class StateStoreUnavailableMapper implements ExceptionMapper<Unavailable.StateStore> {
    private static final System.Logger LOG = System.getLogger(StateStoreUnavailableMapper.class.getName());

    @Override
    public Response toResponse(Unavailable.StateStore e) {
        LOG.log(Level.ERROR, "state store unavailable: {0}", e.getMessage());
        return ApiErrors.json(
                        503,
                        "STATE_STORE_UNAVAILABLE",
                        "The gateway cannot reach its state store; nothing was done. Try again shortly.")
                .header("Retry-After", "5")
                .build();
    }
}
