package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.AuthenticateProject;
import health.wearables.application.port.in.OpenConnectSession;
import health.wearables.domain.ApiKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /v1/wearables/connect-sessions}: a platform asks for a connect link for a patient. The body is JSON: any
 * other {@code Content-Type} is answered 415 before anything else is looked at.
 */
@Path("v1/wearables/connect-sessions")
@RequestScoped
public class ConnectSessionsResource {
    private static final String UNAUTHORIZED_EXAMPLE =
            "{\"error\": {\"code\": \"UNAUTHORIZED\", \"message\": \"A valid project API key is required.\"}}";
    private static final String UNAVAILABLE_EXAMPLE = "{\"error\": {\"code\": \"STATE_STORE_UNAVAILABLE\","
            + " \"message\": \"The gateway cannot reach its state store; nothing was done. Try again shortly.\"}}";
    private static final String ERROR_EXAMPLE =
            "{\"error\": {\"code\": \"VALIDATION_FAILED\", \"message\": \"patientId is required and must be a string.\"}}";

    @Inject
    OpenConnectSession openConnectSession;

    @Inject
    AuthenticateProject authenticateProject;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a connect link for a patient",
            description =
                    "Body {\"patientId\", \"redirectUri\"?, \"providers\"?: [slugs]}. The link opens the gateway's"
                            + " connect page, which offers the given providers (all the project may use when none are given);"
                            + " it can be used once, within 30 minutes, and the page never holds the API key.")
    @APIResponse(
            responseCode = "201",
            description = "The link and until when it can be used",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "created",
                                            value = "{\"connectUrl\": \"https://gateway.example/v1/wearables/"
                                                    + "connect-page/…\", \"expiresAt\": \"2026-11-21T10:30:00Z\"}")))
    @APIResponse(
            responseCode = "401",
            description = "UNAUTHORIZED: no or unknown project API key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "unauthorized", value = UNAUTHORIZED_EXAMPLE)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(
            responseCode = "422",
            description = "VALIDATION_FAILED: patientId, redirectUri (as /connect checks it) or a provider that is not"
                    + " configured for the project",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "validation", value = ERROR_EXAMPLE)))
    @APIResponse(
            responseCode = "503",
            description = "STATE_STORE_UNAVAILABLE: the session could not be stored, no link is handed out",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "unavailable", value = UNAVAILABLE_EXAMPLE)))
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        ConnectSessionBody parsed = ConnectSessionBody.parse(body);
        if (parsed.problem().isPresent()) {
            // The caller is authenticated before being told anything about its body.
            return authenticateProject
                    .authenticate(ApiKey.fromBearer(authorization))
                    .fold(
                            project -> ApiErrors.json(
                                            422,
                                            "VALIDATION_FAILED",
                                            parsed.problem().get())
                                    .build(),
                            ApiErrors::of);
        }
        return openConnectSession
                .open(ApiKey.fromBearer(authorization), parsed.command().orElseThrow())
                .fold(ConnectSessionsResource::created, ApiErrors::of);
    }

    private static Response created(OpenConnectSession.Opened opened) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("connectUrl", opened.connectUrl().toString());
        body.put("expiresAt", opened.expiresAt().toString());
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
