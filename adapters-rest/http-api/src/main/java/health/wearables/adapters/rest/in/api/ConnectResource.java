package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.AuthenticateProject;
import health.wearables.application.port.in.StartConnection;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Connecting;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * {@code POST /v1/wearables/{provider}/connect}: a platform starts connecting a patient's wearable. The body is JSON:
 * any other {@code Content-Type} is answered 415 before anything else is looked at.
 */
@Path("v1/wearables/{provider}/connect")
@RequestScoped
public class ConnectResource {
    @Inject
    StartConnection startConnection;

    @Inject
    AuthenticateProject authenticateProject;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "startConnection",
            summary = "Start connecting a patient's wearable",
            description = "Answers the provider's authorization URL, to which the platform sends the patient's"
                    + " browser. The link works once, until expiresAt (wearables.state.ttl, 600 s by default). For an"
                    + " OAuth 1.0a provider the gateway first obtains the provider's temporary credentials.")
    @Tag(name = ApiDescription.CONNECTIONS)
    @SecurityRequirement(name = ApiDescription.API_KEY)
    @APIResponse(
            responseCode = "201",
            description = "The authorization link.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.AuthorizationLink.class),
                            examples = @ExampleObject(name = "started", value = ApiExamples.AUTHORIZATION_LINK)))
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
            responseCode = "404",
            description = "The slug is not a configured provider (the message names missing keys where it can).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "UNKNOWN_PROVIDER", value = ApiExamples.UNKNOWN_PROVIDER)))
    @APIResponse(
            responseCode = "410",
            description = "The provider's retirement date has come; error.successor names its successor, where it"
                    + " has one.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "PROVIDER_RETIRED", value = ApiExamples.PROVIDER_RETIRED)))
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
            description = "An empty, oversized or malformed body, a field of the wrong type or named twice, an invalid"
                    + " patientId or redirectUri, a redirectUri outside the project's allow-list, or redirectOnError"
                    + " without a redirectUri.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(name = "VALIDATION_FAILED", value = ApiExamples.VALIDATION_FAILED)))
    @APIResponse(
            responseCode = "502",
            description = "OAuth 1.0a only: the provider did not issue confirmed temporary credentials.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "TOKEN_EXCHANGE_FAILED",
                                            value = ApiExamples.TEMPORARY_CREDENTIALS_FAILED)))
    @APIResponse(
            responseCode = "503",
            description = "Redis cannot be reached; no link is handed out.",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait.",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "STATE_STORE_UNAVAILABLE",
                                            value = ApiExamples.STATE_STORE_UNAVAILABLE)))
    public Response connect(
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider")
                    String provider,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody(
                            required = true,
                            description = "Who connects, and where the browser goes afterwards.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ApiSchemas.ConnectRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "withReturnAddress",
                                                            value = ApiExamples.CONNECT_REQUEST)))
                    String body) {
        ConnectBody parsed = ConnectBody.parse(body);
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
        return startConnection
                .start(
                        ApiKey.fromBearer(authorization),
                        provider,
                        parsed.command().orElseThrow())
                .fold(ConnectResource::created, ApiErrors::of);
    }

    private static Response created(Connecting.Started started) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("authorizationUrl", started.authorizationUrl().toString());
        body.put("expiresAt", started.expiresAt().toString());
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
