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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/wearables/connect-sessions}: a platform asks for a connect link for a patient. The body is JSON: any
 * other {@code Content-Type} is answered 415 before anything else is looked at.
 */
@Path("v1/wearables/connect-sessions")
@RequestScoped
public class ConnectSessionsResource {

    @Inject
    OpenConnectSession openConnectSession;

    @Inject
    AuthenticateProject authenticateProject;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createConnectSession",
            summary = "Create a connect link for a patient",
            description = "Answers a link to the gateway's connect page, which the platform hands to the patient: the"
                    + " page offers the given providers (all the project may use when none are given), starts the"
                    + " authorization at the one she chooses and ends on a result page or the redirectUri. The link"
                    + " works once (a choice uses it up), for 30 minutes; the page never holds the API key.")
    @Tag(name = ApiDescription.CONNECTIONS)
    @SecurityRequirement(name = ApiDescription.API_KEY)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ConnectSessionRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "connect-session",
                                            value = ApiExamples.CONNECT_SESSION_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "The connect link.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ConnectLink.class),
                            examples = @ExampleObject(name = "created", value = ApiExamples.CONNECT_LINK)))
    @APIResponse(
            responseCode = "401",
            description = "No, a malformed or an unknown API key.",
            headers =
                    @Header(
                            name = "WWW-Authenticate",
                            description = "Bearer realm=\"wearables\"",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "UNAUTHORIZED", value = ApiExamples.UNAUTHORIZED)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not sent as JSON (refused before the API key is looked at).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "UNSUPPORTED_MEDIA_TYPE",
                                            value = ApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    @APIResponse(
            responseCode = "422",
            description = "An empty or malformed body, a field of the wrong type or named twice, an invalid patientId"
                    + " or redirectUri (checked as the connect call checks it), or a provider that is not configured"
                    + " or retired.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(name = "VALIDATION_FAILED", value = ApiExamples.VALIDATION_FAILED)))
    @APIResponse(
            responseCode = "503",
            description = "Redis cannot be reached; no link is handed out.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "STATE_STORE_UNAVAILABLE",
                                            value = ApiExamples.STATE_STORE_UNAVAILABLE)))
    public Response create(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
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
