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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

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
    public Response notified(@PathParam("provider") String provider, InputStream body) throws IOException {
        Optional<byte[]> bytes = bounded(body);
        if (bytes.isEmpty()) {
            return ApiErrors.json(413, "INVALID_REQUEST", "The notification is too large.")
                    .build();
        }
        return answer("POST", provider, bytes.get());
    }

    @GET
    public Response challenged(@PathParam("provider") String provider) {
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
