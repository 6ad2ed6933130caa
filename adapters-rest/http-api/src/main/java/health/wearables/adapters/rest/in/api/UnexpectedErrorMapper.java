package health.wearables.adapters.rest.in.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;

/** Anything else: 500, logged with its stack trace, never a trace or exception text in the body. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final System.Logger LOG = System.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        LOG.log(Level.ERROR, "unexpected error " + e.getClass().getName(), e);
        return ApiErrors.json(500, "INTERNAL_ERROR", "The gateway failed unexpectedly; please try again later.")
                .build();
    }
}
