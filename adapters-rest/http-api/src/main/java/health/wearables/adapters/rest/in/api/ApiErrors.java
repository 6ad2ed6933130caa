package health.wearables.adapters.rest.in.api;

import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one error shape of the API: {@code {"error": {"code", "message"}}}, with the status API.md gives each code. A
 * {@code PROVIDER_RETIRED} names the successor as {@code error.successor} too, where there is one, so that a platform
 * can offer it without parsing the message.
 */
final class ApiErrors {
    private ApiErrors() {}

    /** Exhaustive without a default: a new rejection code does not compile until it has its status here. */
    static int status(RejectionCode code) {
        return switch (code) {
            case INVALID_REQUEST, PROVIDER_ERROR -> 400;
            case INVALID_STATE, UNAUTHORIZED -> 401;
            case UNKNOWN_PROVIDER -> 404;
            case MISSING_PARAMETER, PROVIDER_MISMATCH, VALIDATION_FAILED -> 422;
            case PROVIDER_RETIRED -> 410;
            case TOKEN_EXCHANGE_FAILED -> 502;
        };
    }

    static Response of(Rejection rejection) {
        Response.ResponseBuilder response = rejection
                .successor()
                .filter(successor -> rejection.code() == RejectionCode.PROVIDER_RETIRED)
                .map(successor -> Response.status(status(rejection.code()))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(ErrorShape.body(
                                rejection.code().name(), rejection.message(), "successor", successor.value())))
                .orElseGet(() -> json(status(rejection.code()), rejection.code().name(), rejection.message()));
        if (rejection.code() == RejectionCode.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer realm=\"wearables\"");
        }
        return response.build();
    }

    static Response.ResponseBuilder json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorShape.body(code, message));
    }
}
