package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.DisconnectConnection;
import health.wearables.application.port.in.DisconnectConnection.Disconnected;
import health.wearables.domain.ApiKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code DELETE /v1/wearables/{provider}/connections/{patientId}}: ends the connection ({@code 204}, also when it had
 * ended before), or {@code 404 CONNECTION_NOT_FOUND}. {@code ?purge=true} deletes its Observations and Device too;
 * any other value of {@code purge} is {@code 422}, so that a typo never deletes data nor keeps it unasked.
 */
@Path("v1/wearables/{provider}/connections/{patientId}")
@RequestScoped
public class DisconnectResource {

    @Inject
    DisconnectConnection disconnectConnection;

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response disconnect(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("provider") String provider,
            @PathParam("patientId") String patientId,
            @QueryParam("purge") String purge) {
        if (purge != null && !purge.equals("true") && !purge.equals("false")) {
            return ApiErrors.json(422, "VALIDATION_FAILED", "purge is true or false.")
                    .build();
        }
        return disconnectConnection
                .disconnect(ApiKey.fromBearer(authorization), provider, patientId, "true".equals(purge))
                .fold(DisconnectResource::answer, ApiErrors::of);
    }

    private static Response answer(Disconnected disconnected) {
        if (disconnected == Disconnected.NOT_FOUND) {
            return ApiErrors.json(
                            404,
                            "CONNECTION_NOT_FOUND",
                            "This project has no connection of that patient to that provider.")
                    .build();
        }
        return Response.noContent().build();
    }
}
