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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    @Parameter(ref = "state")
    @Parameter(ref = "code")
    @Parameter(ref = "error")
    @Parameter(ref = "error_description")
    @Parameter(ref = "error_uri")
    @Parameter(ref = "iss")
    @Parameter(ref = "scope")
    @Parameter(ref = "oauth_token")
    @Parameter(ref = "oauth_verifier")
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
    @APIResponse(responseCode = "302", ref = "CallbackRedirect")
    @APIResponse(responseCode = "400", ref = "CallbackRefused")
    @APIResponse(responseCode = "401", ref = "CallbackStateNotValid")
    @APIResponse(responseCode = "404", ref = "CallbackUnknownProvider")
    @APIResponse(responseCode = "422", ref = "CallbackUnprocessable")
    @APIResponse(responseCode = "502", ref = "CallbackTokenExchangeFailed")
    @APIResponse(responseCode = "503", ref = "CallbackUnavailable")
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
    @Parameter(ref = "state")
    @Parameter(ref = "code")
    @Parameter(ref = "error")
    @Parameter(ref = "error_description")
    @Parameter(ref = "error_uri")
    @Parameter(ref = "iss")
    @Parameter(ref = "scope")
    @Parameter(ref = "oauth_token")
    @Parameter(ref = "oauth_verifier")
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
    @APIResponse(responseCode = "302", ref = "CallbackRedirect")
    @APIResponse(responseCode = "400", ref = "CallbackRefused")
    @APIResponse(responseCode = "401", ref = "CallbackStateNotValid")
    @APIResponse(responseCode = "404", ref = "CallbackUnknownProvider")
    @APIResponse(responseCode = "422", ref = "CallbackUnprocessable")
    @APIResponse(responseCode = "502", ref = "CallbackTokenExchangeFailed")
    @APIResponse(responseCode = "503", ref = "CallbackUnavailable")
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
    @APIResponse(responseCode = "405", ref = "OnlyGet")
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
    @APIResponse(responseCode = "405", ref = "OnlyGet")
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
    @APIResponse(responseCode = "405", ref = "OnlyGet")
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
    @APIResponse(responseCode = "405", ref = "OnlyGet")
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
