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
    @Operation(
            operationId = "syncConnection",
            summary = "Sync a connection now",
            description =
                    "Queues a sync of one of the project's connections; sync workers read the provider's data API and"
                            + " write FHIR Observations. No body.")
    @Tag(name = ApiDescription.CONNECTIONS)
    @SecurityRequirement(name = ApiDescription.API_KEY)
    @APIResponse(
            responseCode = "202",
            description = "The job is queued.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.SyncJob.class),
                            examples = @ExampleObject(name = "queued", value = ApiExamples.SYNC_JOB)))
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
            responseCode = "409",
            description = "The connection is reauth_required, revoked or in error; the message names which.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "CONNECTION_NOT_ACTIVE",
                                            value = ApiExamples.CONNECTION_NOT_ACTIVE)))
    @APIResponse(
            responseCode = "503",
            description = "The FHIR store or the queue cannot be reached; nothing was queued.",
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
                                        name = "SYNC_QUEUE_UNAVAILABLE",
                                        value = ApiExamples.SYNC_QUEUE_UNAVAILABLE)
                            }))
    public Response sync(
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
                    String patientId) {
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
