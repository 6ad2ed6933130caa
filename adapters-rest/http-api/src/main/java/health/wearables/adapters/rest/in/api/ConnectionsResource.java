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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(
            operationId = "listConnections",
            summary = "List the project's connections",
            description =
                    "The calling project's connections, of one patient or of all its patients; never a token. When"
                            + " one of the two stores (the FHIR store, or Redis for held credentials) cannot be read,"
                            + " the list holds what the other has and the answer carries X-Listing-Incomplete: true.")
    @Tag(name = ApiDescription.CONNECTIONS)
    @SecurityRequirement(name = ApiDescription.API_KEY)
    @APIResponse(
            responseCode = "200",
            description = "The connections, possibly none.",
            headers =
                    @Header(
                            name = INCOMPLETE,
                            description = "true when one of the two stores could not be read.",
                            schema = @Schema(type = SchemaType.BOOLEAN)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.Connection.class),
                            examples = @ExampleObject(name = "connections", value = ApiExamples.CONNECTIONS)))
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
            responseCode = "422",
            description = "patientId is outside its syntax.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(name = "VALIDATION_FAILED", value = ApiExamples.PATIENT_ID_INVALID)))
    @APIResponse(
            responseCode = "503",
            description = "Neither store could be read.",
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
                                            name = "CONNECTION_STORE_UNAVAILABLE",
                                            value = ApiExamples.CONNECTION_STORE_UNAVAILABLE)))
    public Response list(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(
                            description = "Only this patient's connections (all the project's when absent).",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PATIENT_ID, maxLength = 64),
                            example = "patient-123")
                    @QueryParam("patientId")
                    String patientId) {
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
