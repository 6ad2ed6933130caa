package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.Unavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;

/** The sync queue cannot take an on-demand sync: 503, nothing queued, no exception text in the body. */
@Provider
public class SyncQueueUnavailableMapper implements ExceptionMapper<Unavailable.SyncQueue> {
    private static final System.Logger LOG = System.getLogger(SyncQueueUnavailableMapper.class.getName());

    @Override
    public Response toResponse(Unavailable.SyncQueue e) {
        LOG.log(Level.ERROR, "sync queue unavailable: {0}", e.getMessage());
        return ApiErrors.json(
                        503,
                        "SYNC_QUEUE_UNAVAILABLE",
                        "The gateway cannot reach its sync queue; no sync was queued. Try again shortly.")
                .header("Retry-After", "5")
                .build();
    }
}
