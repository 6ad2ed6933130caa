package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.CompleteCallback;
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
    @Inject
    CompleteCallback completeCallback;

    @Inject
    GatewayMetrics metrics;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("v1/wearables/{provider}/callback")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ovok(@PathParam("provider") String provider) {
        return answer(provider, CallbackRoute.OVOK);
    }

    @GET
    @Path("api/v1/pulse/theta/{provider_slug}/callback")
    @Produces(MediaType.APPLICATION_JSON)
    public Response mirobody(@PathParam("provider_slug") String provider) {
        return answer(provider, CallbackRoute.MIROBODY);
    }

    @HEAD
    @Path("v1/wearables/{provider}/callback")
    public Response ovokHead(@PathParam("provider") String provider) {
        return onlyGet();
    }

    @HEAD
    @Path("api/v1/pulse/theta/{provider_slug}/callback")
    public Response mirobodyHead(@PathParam("provider_slug") String provider) {
        return onlyGet();
    }

    @OPTIONS
    @Path("v1/wearables/{provider}/callback")
    public Response ovokOptions(@PathParam("provider") String provider) {
        return onlyGet();
    }

    @OPTIONS
    @Path("api/v1/pulse/theta/{provider_slug}/callback")
    public Response mirobodyOptions(@PathParam("provider_slug") String provider) {
        return onlyGet();
    }

    private static Response onlyGet() {
        return Response.status(405).header("Allow", "GET").build();
    }

    private Response answer(String provider, CallbackRoute route) {
        Map<String, List<String>> query = uriInfo.getQueryParameters(true);
        CallbackAnswer answer = completeCallback.complete(provider, query);
        metrics.callbackAnswered(route, answer);
        return answer.redirect()
                .map(location -> Response.status(302).location(location).build())
                .orElseGet(() -> answer.outcome().fold(
                        connected -> Response.ok(route.connected(connected), MediaType.APPLICATION_JSON_TYPE).build(),
                        pending -> Response.accepted(route.pending(pending)).type(MediaType.APPLICATION_JSON_TYPE)
                                .build(),
                        refused -> ApiErrors.of(refused.rejection())));
    }
}
