package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.CompleteCallback;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.CallbackRoute;
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
import java.util.LinkedHashMap;
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
        CallbackAnswer answer = completeCallback.complete(provider, route, query);
        metrics.callbackAnswered(route, answer);
        return answer.fold(
                redirect -> Response.status(302).location(redirect.location()).build(),
                connected -> Response.ok(connectedBody(connected), MediaType.APPLICATION_JSON_TYPE).build(),
                pending -> Response.accepted(pendingBody(pending)).type(MediaType.APPLICATION_JSON_TYPE).build(),
                refused -> ApiErrors.of(refused.rejection()));
    }

    private static Map<String, Object> connectedBody(CallbackAnswer.Connected connected) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (connected.route() == CallbackRoute.MIROBODY) {
            body.put("provider_slug", connected.provider().value());
            body.put("stage", "completed");
        } else {
            body.put("ok", true);
            body.put("provider", connected.provider().value());
            body.put("patientId", connected.patient().value());
        }
        return body;
    }

    /** 202: the tokens were issued and are kept sealed; a retry stores the connection. */
    private static Map<String, Object> pendingBody(CallbackAnswer.Pending pending) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (pending.route() == CallbackRoute.MIROBODY) {
            body.put("provider_slug", pending.provider().value());
            body.put("stage", "pending");
        } else {
            body.put("ok", true);
            body.put("provider", pending.provider().value());
            body.put("patientId", pending.patient().value());
            body.put("pending", true);
        }
        return body;
    }
}
