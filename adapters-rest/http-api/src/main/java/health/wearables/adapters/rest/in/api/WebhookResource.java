package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.ReceiveNotification;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.NotificationVerdict;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/wearables/{provider}/webhook}, and {@code GET} for the providers that verify a subscription with a
 * challenge: the request goes, as it came (raw body, headers, query), to the provider's own verification. A refused
 * one is {@code 401 INVALID_NOTIFICATION} and changes nothing; a challenge is answered with what the provider expects;
 * anything accepted is {@code 204} whatever it was about (a known user or not: hostile case 61); a provider that sends
 * no notifications is {@code 404 UNKNOWN_PROVIDER}. A body over {@value #MAX_BODY} bytes is {@code 413} unread.
 */
@Path("v1/wearables/{provider}/webhook")
@RequestScoped
public class WebhookResource {
    static final int MAX_BODY = 256 * 1024;

    @Inject
    ReceiveNotification receiveNotification;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    private final Clock clock = Clock.systemUTC();

    @POST
    @Operation(
            operationId = "receiveNotification",
            summary = "Receive a provider's notification",
            description =
                    "The request goes, as it came (raw body, headers, query), to the provider's own verification (a"
                            + " signature with the client secret or webhook-secret, or a verify token in the URL;"
                            + " docs/API.md lists each provider's). A deauthorization ends the user's connections; a"
                            + " data notification queues a sync. Providers call this, not platforms.")
    @Tag(name = ApiDescription.NOTIFICATIONS)
    @SecurityRequirements
    @APIResponse(
            responseCode = "204",
            description = "Accepted, whatever it was about (a user the gateway does not know changes nothing).")
    @APIResponse(
            responseCode = "401",
            description =
                    "The provider's verification failed (signature, timestamp, replay, verify token); nothing changed.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "INVALID_NOTIFICATION",
                                            value = ApiExamples.INVALID_NOTIFICATION)))
    @APIResponse(
            responseCode = "404",
            description = "The provider sends no notifications the gateway reads.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "UNKNOWN_PROVIDER", value = ApiExamples.UNKNOWN_NOTIFIER)))
    @APIResponse(
            responseCode = "413",
            description = "A body over 256 KiB, unread.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "INVALID_REQUEST",
                                            value = ApiExamples.NOTIFICATION_TOO_LARGE)))
    @APIResponse(
            responseCode = "503",
            description = "The FHIR store or the queue cannot be reached; the provider should send it again.",
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
    public Response notified(
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider")
                    String provider,
            @RequestBody(
                            description = "The provider's notification, in its own format, at most 256 KiB.",
                            content =
                                    @Content(
                                            mediaType = "*/*",
                                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
                    InputStream body)
            throws IOException {
        Optional<byte[]> bytes = bounded(body);
        if (bytes.isEmpty()) {
            return ApiErrors.json(413, "INVALID_REQUEST", "The notification is too large.")
                    .build();
        }
        return answer("POST", provider, bytes.get());
    }

    @GET
    @Operation(
            operationId = "answerChallenge",
            summary = "Answer a provider's subscription challenge",
            description =
                    "Providers that verify a webhook subscription (Oura, Fitbit, Strava) call it with a challenge in"
                            + " the query; the gateway checks the verify token and answers as the provider expects.")
    @Tag(name = ApiDescription.NOTIFICATIONS)
    @SecurityRequirements
    @APIResponse(
            responseCode = "200",
            description = "The challenge answered in the provider's own format (plain text or JSON).",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.OBJECT),
                        examples = @ExampleObject(name = "oura", value = "{\"challenge\": \"a1b2c3\"}")),
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "plain", value = "a1b2c3"))
            })
    @APIResponse(responseCode = "204", description = "Accepted; nothing to answer.")
    @APIResponse(
            responseCode = "401",
            description = "The verify token is wrong; nothing changed.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "INVALID_NOTIFICATION",
                                            value = ApiExamples.INVALID_NOTIFICATION)))
    @APIResponse(
            responseCode = "404",
            description = "The provider sends no notifications the gateway reads.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "UNKNOWN_PROVIDER", value = ApiExamples.UNKNOWN_NOTIFIER)))
    public Response challenged(
            @Parameter(
                            description = "The provider's slug.",
                            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.PROVIDER_SLUG),
                            example = "withings")
                    @PathParam("provider")
                    String provider) {
        return answer("GET", provider, new byte[0]);
    }

    private Response answer(String method, String provider, byte[] body) {
        InboundNotification notification = new InboundNotification(
                method, headers.getRequestHeaders(), uri.getQueryParameters(), body, clock.instant());
        return receiveNotification
                .receive(provider, notification)
                .map(WebhookResource::answer)
                .orElseGet(() -> ApiErrors.json(
                                404, "UNKNOWN_PROVIDER", "No provider with that name sends notifications here.")
                        .build());
    }

    private static Response answer(NotificationVerdict verdict) {
        if (verdict instanceof NotificationVerdict.Challenged challenged) {
            return Response.ok(challenged.body(), challenged.mediaType()).build();
        }
        if (verdict instanceof NotificationVerdict.Rejected) {
            return ApiErrors.json(
                            401,
                            "INVALID_NOTIFICATION",
                            "The notification did not pass the provider's verification; nothing was changed.")
                    .build();
        }
        return Response.noContent().build();
    }

    private static Optional<byte[]> bounded(InputStream body) throws IOException {
        if (body == null) {
            return Optional.of(new byte[0]);
        }
        byte[] read = body.readNBytes(MAX_BODY + 1);
        return read.length > MAX_BODY ? Optional.empty() : Optional.of(read);
    }
}
