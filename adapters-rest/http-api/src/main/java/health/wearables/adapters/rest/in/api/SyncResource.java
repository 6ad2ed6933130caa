package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.RequestSync;
import health.wearables.application.port.in.RequestSync.Requested;
import health.wearables.domain.ApiKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /v1/wearables/{provider}/connections/{patientId}/sync}: a platform asks for a sync of one of its
 * connections now. {@code 202 {"jobId"}} once the job is queued; {@code 404 CONNECTION_NOT_FOUND} for a connection
 * the calling project does not have (whatever the path holds, nothing of it is echoed); {@code 409
 * CONNECTION_NOT_ACTIVE} for one that is revoked or must be connected again; {@code 503} when the connection store or
 * the queue cannot be reached.
 */
@Path("v1/wearables/{provider}/connections/{patientId}/sync")
@RequestScoped
public class SyncResource {

    @Inject
    RequestSync requestSync;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response sync(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("provider") String provider,
            @PathParam("patientId") String patientId) {
        return requestSync
                .request(ApiKey.fromBearer(authorization), provider, patientId)
                .fold(SyncResource::answer, ApiErrors::of);
    }

    private static Response answer(Requested requested) {
        return requested.fold(
                queued -> Response.accepted(Map.of("jobId", queued.jobId().value()))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build(),
                notFound -> ApiErrors.json(
                                404,
                                "CONNECTION_NOT_FOUND",
                                "This project has no connection of that patient to that provider.")
                        .build(),
                notActive -> ApiErrors.json(
                                409,
                                "CONNECTION_NOT_ACTIVE",
                                "The connection is " + notActive.status().label()
                                        + ": it is not synced until the patient connects again.")
                        .build());
    }
}
