package health.wearables.adapters.rest.in.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own answers (unknown route, wrong method, wrong media type, …) in the API's error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder response = ApiErrors.json(status, ErrorShape.code(status), ErrorShape.message(status));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
