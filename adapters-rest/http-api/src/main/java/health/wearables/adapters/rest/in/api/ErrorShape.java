package health.wearables.adapters.rest.in.api;

import jakarta.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error shape of every answer the gateway's application gives, {@code {"error": {"code", "message"}}}, and
 * the codes of the errors the server answers by itself (no route, wrong method, wrong media type, a malformed request
 * the container refuses): the same for JAX-RS's own exceptions and for the servlet container's error pages.
 */
final class ErrorShape {
    private ErrorShape() {}

    static Map<String, Object> body(String code, String message) {
        return Map.of("error", error(code, message));
    }

    /** The shape with one more member of {@code error}, after {@code code} and {@code message}. */
    static Map<String, Object> body(String code, String message, String member, String value) {
        Map<String, String> error = error(code, message);
        error.put(member, value);
        return Map.of("error", error);
    }

    private static Map<String, String> error(String code, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return error;
    }

    /** The body as JSON text, for answers written outside JAX-RS. */
    static String json(String code, String message) {
        return Json.createObjectBuilder(body(code, message)).build().toString();
    }

    /** The code of an error the server answers by itself, by its status. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "INVALID_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status < 500 ? "INVALID_REQUEST" : "INTERNAL_ERROR";
        };
    }

    /** What to tell the caller about an error the server answers by itself; never anything the request sent. */
    static String message(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take that method.";
            case 406 -> "The gateway answers in JSON only (Accept: application/json).";
            case 415 -> "The body must be JSON (Content-Type: application/json).";
            default ->
                status < 500
                        ? "The request could not be handled."
                        : "The gateway failed unexpectedly; please try again later.";
        };
    }
}
