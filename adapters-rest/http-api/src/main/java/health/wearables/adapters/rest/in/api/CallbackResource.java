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
    public Response ovok(@PathParam("provider") String provider) {
        return answer(provider, CallbackRoute.OVOK);
    }

    @GET
    @Path(MIROBODY_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    public Response mirobody(@PathParam("provider_slug") String provider) {
        return answer(provider, CallbackRoute.MIROBODY);
    }

    @HEAD
    @Path(OVOK_PATH)
    public Response ovokHead(@PathParam("provider") String provider) {
        return onlyGet();
    }

    @HEAD
    @Path(MIROBODY_PATH)
    public Response mirobodyHead(@PathParam("provider_slug") String provider) {
        return onlyGet();
    }

    @OPTIONS
    @Path(OVOK_PATH)
    public Response ovokOptions(@PathParam("provider") String provider) {
        return onlyGet();
    }

    @OPTIONS
    @Path(MIROBODY_PATH)
    public Response mirobodyOptions(@PathParam("provider_slug") String provider) {
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
