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
    @Operation(
            operationId = "endConnection",
            summary = "End a connection",
            description = "Ends the connection: its tokens are removed, the grant is revoked at the provider where it"
                    + " offers revocation (a failure there is retried, never blocks the end), and it is not synced"
                    + " again. Ending an ended connection answers 204 again and sends nothing more.")
    @Tag(name = ApiDescription.CONNECTIONS)
    @SecurityRequirement(name = ApiDescription.API_KEY)
    @APIResponse(responseCode = "204", description = "The connection ended now, or had ended before.")
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
            description =
                    "The project has no stored connection of that patient to that provider (nothing of the path is"
                            + " echoed).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "CONNECTION_NOT_FOUND",
                                            value = ApiExamples.CONNECTION_NOT_FOUND)))
    @APIResponse(
            responseCode = "422",
            description = "purge is neither true nor false.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "VALIDATION_FAILED", value = ApiExamples.PURGE_INVALID)))
    @APIResponse(
            responseCode = "503",
            description = "The FHIR store or Redis cannot be reached; nothing was ended.",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before trying again.",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = {
                                @ExampleObject(
                                        name = "CONNECTION_STORE_UNAVAILABLE",
                                        value = ApiExamples.CONNECTION_STORE_UNAVAILABLE),
                                @ExampleObject(
                                        name = "REVOCATION_STORE_UNAVAILABLE",
                                        value = ApiExamples.REVOCATION_STORE_UNAVAILABLE)
                            }))
    public Response disconnect(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider")
                    String provider,
            @Parameter(
                            description = "The patient's id (the platform's FHIR Patient id).",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PATIENT_ID, maxLength = 64),
                            example = "patient-123")
                    @PathParam("patientId")
                    String patientId,
            @Parameter(
                            description = "true also deletes the connection's Observations and Device; false (the"
                                    + " default) keeps them.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"true", "false"}))
                    @QueryParam("purge")
                    String purge) {
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
