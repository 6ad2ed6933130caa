package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.ListConnections;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionListing;
import health.wearables.domain.ListedConnection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/wearables/connections}: the calling project's connections, never a token. Connections whose
 * credentials wait for a retry are {@code "status": "pending"} without an {@code endpointId}. When one of the gateway's
 * stores could not be read, the listing holds what the other had and says so in the header {@value #INCOMPLETE}.
 */
@Path("v1/wearables/connections")
@RequestScoped
public class ConnectionsResource {
    static final String INCOMPLETE = "X-Listing-Incomplete";

    @Inject
    ListConnections listConnections;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("patientId") String patientId) {
        return listConnections
                .list(ApiKey.fromBearer(authorization), Optional.ofNullable(patientId))
                .fold(ConnectionsResource::listed, ApiErrors::of);
    }

    private static Response listed(ConnectionListing listing) {
        Response.ResponseBuilder response = Response.ok(
                listing.connections().stream().map(ConnectionsResource::view).toList(),
                MediaType.APPLICATION_JSON_TYPE);
        if (!listing.complete()) {
            response.header(INCOMPLETE, "true");
        }
        return response.build();
    }

    private static Map<String, Object> view(ListedConnection connection) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("provider", connection.key().provider().value());
        view.put("patientId", connection.key().patient().value());
        view.put("status", connection.status().label());
        view.put("connectedAt", connection.connectedAt().toString());
        view.put(
                "accessTokenExpiresAt",
                connection.accessTokenExpiresAt().map(Instant::toString).orElse(null));
        view.put("scopes", List.copyOf(connection.scopes()));
        view.put("endpointId", connection.endpointId().orElse(null));
        view.put(
                "lastSyncedAt", connection.lastSyncedAt().map(Instant::toString).orElse(null));
        view.put("syncStatus", connection.syncStatus().label());
        return view;
    }
}
