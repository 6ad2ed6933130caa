package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.CompleteCallback;
import health.wearables.application.port.in.ShowConnectPage;
import health.wearables.domain.callback.CallbackAnswer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the provider sends the patient's browser back: the Ovok route and the Mirobody-compatible alias. Only
 * {@code GET} runs the flow: {@code HEAD} and {@code OPTIONS} (link scanners, prefetch) never consume a state.
 */
@Path("/")
@RequestScoped
public class CallbackResource {
    /**
     * The route the gateway gives providers as its {@code redirect_uri} (the wiring appends it to
     * {@code wearables.public-base-url}); a compile-time constant, so reading it loads no class of this module.
     */
    public static final String OVOK_PATH = "v1/wearables/{provider}/callback";
    /** The Mirobody-compatible alias: the same flow, Mirobody's JSON. */
    public static final String MIROBODY_PATH = "api/v1/pulse/theta/{provider_slug}/callback";

    @Inject
    CompleteCallback completeCallback;

    @Inject
    GatewayMetrics metrics;

    @Inject
    ShowConnectPage connectPages;

    @Context
    UriInfo uriInfo;

    @GET
    @Path(OVOK_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "completeCallback",
            summary = "Complete connecting, when the provider sends the patient back",
            description =
                    "The provider sends the patient's browser here after the approval. The state is taken from Redis"
                            + " once (atomically), the code is exchanged once, the tokens are stored sealed in a FHIR"
                            + " Endpoint and the first sync is queued; then the browser is sent back to the platform"
                            + " (302) or answered JSON. HEAD and OPTIONS spend nothing. Each query parameter may"
                            + " appear at most once (else 400 INVALID_REQUEST).")
    @Tag(name = ApiDescription.CALLBACK)
    @SecurityRequirements
    @Parameter(
            name = "state",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: the state the gateway minted; exactly 43 base64url characters.",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]{43}$"))
    @Parameter(
            name = "code",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: the authorization code; 1-1024 visible ASCII characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Parameter(
            name = "error",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: the provider's error code; 1-128 printable ASCII characters without \" and \\.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 128))
    @Parameter(
            name = "error_description",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: kept only for the log, cut to 200 characters; never in an answer.",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "error_uri",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: ignored but for its syntax.",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "iss",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: the issuer (RFC 9207); 1-2048 visible ASCII characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
    @Parameter(
            name = "scope",
            in = ParameterIn.QUERY,
            description =
                    "OAuth 2.0: the scopes the patient granted, where the provider says; up to 2048 printable ASCII"
                            + " characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
    @Parameter(
            name = "oauth_token",
            in = ParameterIn.QUERY,
            description = "OAuth 1.0a: the temporary token; 1-1024 visible ASCII characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Parameter(
            name = "oauth_verifier",
            in = ParameterIn.QUERY,
            description = "OAuth 1.0a: the verifier; 1-1024 visible ASCII characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @APIResponse(
            responseCode = "200",
            description = "Connected (no redirectUri in the connect call).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.Connected.class),
                            examples = @ExampleObject(name = "connected", value = ApiExamples.CONNECTED)))
    @APIResponse(
            responseCode = "202",
            description = "The tokens were issued and are held sealed; a retry stores the connection.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ConnectedPending.class),
                            examples = @ExampleObject(name = "pending", value = ApiExamples.CONNECTED_PENDING)))
    @APIResponse(
            responseCode = "302",
            description = "Back to the connect call's redirectUri, with status=connected (or pending, or, with"
                    + " redirectOnError, error&error=<code in lower case>), provider and patientId appended; never a"
                    + " code, a state or a token.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The platform's return address.",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(
            responseCode = "400",
            description =
                    "A parameter twice, too long or outside its syntax (the state is untouched); or the provider sent"
                            + " error, or the granted scopes lack a required one.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = {
                                @ExampleObject(name = "INVALID_REQUEST", value = ApiExamples.INVALID_REQUEST),
                                @ExampleObject(name = "PROVIDER_ERROR", value = ApiExamples.PROVIDER_ERROR)
                            }))
    @APIResponse(
            responseCode = "401",
            description = "The state (or OAuth 1.0a token) is unknown, used or expired.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "INVALID_STATE", value = ApiExamples.INVALID_STATE)))
    @APIResponse(
            responseCode = "404",
            description = "No configured provider with that slug.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "UNKNOWN_PROVIDER", value = ApiExamples.UNKNOWN_PROVIDER)))
    @APIResponse(
            responseCode = "422",
            description =
                    "What identifies the flow, or the code, is missing; or the state was minted for another provider,"
                            + " or iss is not the provider's issuer.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = {
                                @ExampleObject(name = "MISSING_PARAMETER", value = ApiExamples.MISSING_PARAMETER),
                                @ExampleObject(name = "PROVIDER_MISMATCH", value = ApiExamples.PROVIDER_MISMATCH)
                            }))
    @APIResponse(
            responseCode = "502",
            description = "The token request failed or its answer was unusable; the state is spent.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "TOKEN_EXCHANGE_FAILED",
                                            value = ApiExamples.TOKEN_EXCHANGE_FAILED)))
    @APIResponse(
            responseCode = "503",
            description = "Redis cannot be reached (nothing is exchanged); or neither store could keep the tokens.",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before trying again.",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "STATE_STORE_UNAVAILABLE",
                                            value = ApiExamples.STATE_STORE_UNAVAILABLE)))
    public Response ovok(
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider")
                    String provider) {
        return answer(provider, CallbackRoute.OVOK);
    }

    @GET
    @Path(MIROBODY_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "completeMirobodyCallback",
            summary = "Complete connecting, at the Mirobody-compatible address",
            description =
                    "The same flow as /v1/wearables/{provider}/callback, for integrations built against Mirobody's"
                            + " callback address; only the JSON of a connected or pending answer differs.")
    @Tag(name = ApiDescription.CALLBACK)
    @SecurityRequirements
    @Parameter(
            name = "state",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: the state the gateway minted; exactly 43 base64url characters.",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]{43}$"))
    @Parameter(
            name = "code",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: the authorization code; 1-1024 visible ASCII characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Parameter(
            name = "error",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: the provider's error code; 1-128 printable ASCII characters without \" and \\.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 128))
    @Parameter(
            name = "error_description",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: kept only for the log, cut to 200 characters; never in an answer.",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "error_uri",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: ignored but for its syntax.",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "iss",
            in = ParameterIn.QUERY,
            description = "OAuth 2.0: the issuer (RFC 9207); 1-2048 visible ASCII characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
    @Parameter(
            name = "scope",
            in = ParameterIn.QUERY,
            description =
                    "OAuth 2.0: the scopes the patient granted, where the provider says; up to 2048 printable ASCII"
                            + " characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
    @Parameter(
            name = "oauth_token",
            in = ParameterIn.QUERY,
            description = "OAuth 1.0a: the temporary token; 1-1024 visible ASCII characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Parameter(
            name = "oauth_verifier",
            in = ParameterIn.QUERY,
            description = "OAuth 1.0a: the verifier; 1-1024 visible ASCII characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @APIResponse(
            responseCode = "200",
            description = "Connected (no redirectUri in the connect call), in Mirobody's words.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.MirobodyStage.class),
                            examples = @ExampleObject(name = "completed", value = ApiExamples.MIROBODY_COMPLETED)))
    @APIResponse(
            responseCode = "202",
            description = "The tokens were issued and are held sealed; a retry stores the connection.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.MirobodyStage.class),
                            examples = @ExampleObject(name = "pending", value = ApiExamples.MIROBODY_PENDING)))
    @APIResponse(
            responseCode = "302",
            description = "Back to the connect call's redirectUri, with status=connected (or pending, or, with"
                    + " redirectOnError, error&error=<code in lower case>), provider and patientId appended; never a"
                    + " code, a state or a token.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The platform's return address.",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(
            responseCode = "400",
            description =
                    "A parameter twice, too long or outside its syntax (the state is untouched); or the provider sent"
                            + " error, or the granted scopes lack a required one.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = {
                                @ExampleObject(name = "INVALID_REQUEST", value = ApiExamples.INVALID_REQUEST),
                                @ExampleObject(name = "PROVIDER_ERROR", value = ApiExamples.PROVIDER_ERROR)
                            }))
    @APIResponse(
            responseCode = "401",
            description = "The state (or OAuth 1.0a token) is unknown, used or expired.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "INVALID_STATE", value = ApiExamples.INVALID_STATE)))
    @APIResponse(
            responseCode = "404",
            description = "No configured provider with that slug.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "UNKNOWN_PROVIDER", value = ApiExamples.UNKNOWN_PROVIDER)))
    @APIResponse(
            responseCode = "422",
            description =
                    "What identifies the flow, or the code, is missing; or the state was minted for another provider,"
                            + " or iss is not the provider's issuer.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = {
                                @ExampleObject(name = "MISSING_PARAMETER", value = ApiExamples.MISSING_PARAMETER),
                                @ExampleObject(name = "PROVIDER_MISMATCH", value = ApiExamples.PROVIDER_MISMATCH)
                            }))
    @APIResponse(
            responseCode = "502",
            description = "The token request failed or its answer was unusable; the state is spent.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "TOKEN_EXCHANGE_FAILED",
                                            value = ApiExamples.TOKEN_EXCHANGE_FAILED)))
    @APIResponse(
            responseCode = "503",
            description = "Redis cannot be reached (nothing is exchanged); or neither store could keep the tokens.",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before trying again.",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "STATE_STORE_UNAVAILABLE",
                                            value = ApiExamples.STATE_STORE_UNAVAILABLE)))
    public Response mirobody(
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider_slug")
                    String provider) {
        return answer(provider, CallbackRoute.MIROBODY);
    }

    @HEAD
    @Path(OVOK_PATH)
    @Operation(
            operationId = "probeCallback",
            summary = "Refused: a HEAD (link scanners, prefetch) never spends a state",
            description = "Answers 405 with Allow: GET, so that link scanners and prefetchers cannot use up a patient's"
                    + " link.")
    @Tag(name = ApiDescription.CALLBACK)
    @SecurityRequirements
    @APIResponse(
            responseCode = "405",
            description = "Only GET runs the flow; the answer says so in Allow and spends nothing.",
            headers = @Header(name = "Allow", description = "GET", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "METHOD_NOT_ALLOWED",
                                            value = ApiExamples.METHOD_NOT_ALLOWED)))
    public Response ovokHead(
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider")
                    String provider) {
        return onlyGet();
    }

    @HEAD
    @Path(MIROBODY_PATH)
    @Operation(
            operationId = "probeMirobodyCallback",
            summary = "Refused: a HEAD never spends a state (Mirobody address)",
            description = "Answers 405 with Allow: GET, so that link scanners and prefetchers cannot use up a patient's"
                    + " link.")
    @Tag(name = ApiDescription.CALLBACK)
    @SecurityRequirements
    @APIResponse(
            responseCode = "405",
            description = "Only GET runs the flow; the answer says so in Allow and spends nothing.",
            headers = @Header(name = "Allow", description = "GET", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "METHOD_NOT_ALLOWED",
                                            value = ApiExamples.METHOD_NOT_ALLOWED)))
    public Response mirobodyHead(
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider_slug")
                    String provider) {
        return onlyGet();
    }

    @OPTIONS
    @Path(OVOK_PATH)
    @Operation(
            operationId = "optionsCallback",
            summary = "Refused: an OPTIONS never spends a state",
            description = "Answers 405 with Allow: GET, so that link scanners and prefetchers cannot use up a patient's"
                    + " link.")
    @Tag(name = ApiDescription.CALLBACK)
    @SecurityRequirements
    @APIResponse(
            responseCode = "405",
            description = "Only GET runs the flow; the answer says so in Allow and spends nothing.",
            headers = @Header(name = "Allow", description = "GET", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "METHOD_NOT_ALLOWED",
                                            value = ApiExamples.METHOD_NOT_ALLOWED)))
    public Response ovokOptions(
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider")
                    String provider) {
        return onlyGet();
    }

    @OPTIONS
    @Path(MIROBODY_PATH)
    @Operation(
            operationId = "optionsMirobodyCallback",
            summary = "Refused: an OPTIONS never spends a state (Mirobody address)",
            description = "Answers 405 with Allow: GET, so that link scanners and prefetchers cannot use up a patient's"
                    + " link.")
    @Tag(name = ApiDescription.CALLBACK)
    @SecurityRequirements
    @APIResponse(
            responseCode = "405",
            description = "Only GET runs the flow; the answer says so in Allow and spends nothing.",
            headers = @Header(name = "Allow", description = "GET", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "METHOD_NOT_ALLOWED",
                                            value = ApiExamples.METHOD_NOT_ALLOWED)))
    public Response mirobodyOptions(
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider_slug")
                    String provider) {
        return onlyGet();
    }

    private static Response onlyGet() {
        return ApiErrors.json(405, ErrorShape.code(405), ErrorShape.message(405))
                .header("Allow", "GET")
                .build();
    }

    private Response answer(String provider, CallbackRoute route) {
        Map<String, List<String>> query = uriInfo.getQueryParameters(true);
        CallbackAnswer answer = completeCallback.complete(provider, query);
        metrics.callbackAnswered(route, answer);
        if (answer.redirect().isEmpty() && answer.fromConnectPage()) {
            return forThePatient(answer.outcome());
        }
        return answer.redirect()
                .map(location -> Response.status(302).location(location).build())
                .orElseGet(() -> answer.outcome()
                        .fold(
                                connected -> Response.ok(route.connected(connected), MediaType.APPLICATION_JSON_TYPE)
                                        .build(),
                                pending -> Response.accepted(route.pending(pending))
                                        .type(MediaType.APPLICATION_JSON_TYPE)
                                        .build(),
                                refused -> ApiErrors.of(refused.rejection())));
    }

    /**
     * The authorization was started on the connect page and has no return URL: the patient reads the outcome, as a
     * page with the same status the JSON answer would have.
     */
    private Response forThePatient(CallbackAnswer.Outcome outcome) {
        return outcome.fold(
                connected -> PatientPages.connected(ConnectPageResource.nameOf(connectPages, connected.provider())),
                pending -> PatientPages.pending(ConnectPageResource.nameOf(connectPages, pending.provider())),
                refused -> PatientPages.refused(
                        refused.rejection(),
                        refused.rejection()
                                .pending()
                                .map(verified -> ConnectPageResource.nameOf(connectPages, verified.provider()))
                                .orElse("your wearable's service")));
    }
}
