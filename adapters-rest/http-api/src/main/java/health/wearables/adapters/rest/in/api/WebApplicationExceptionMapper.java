package health.wearables.adapters.rest.in.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own answers (unknown route, wrong method, …) in the API's error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406, 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status < 500 ? "INVALID_REQUEST" : "INTERNAL_ERROR";
        };
        Response.ResponseBuilder response = ApiErrors.json(status, code, "The request could not be handled: " + code + ".");
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
