package health.wearables.adapters.rest.out.platform;

import health.wearables.application.port.out.EventDelivery;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.domain.events.WebhookTarget;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers an event as the Standard Webhooks specification defines: a {@code POST} of the recorded body with {@code
 * webhook-id} (the event's id, the same on every attempt), {@code webhook-timestamp} (this attempt's time in seconds)
 * and {@code webhook-signature} ({@code v1,} and the base64 of HMAC-SHA256 over {@code id.timestamp.body} with the
 * project's key). Signed here with the JDK's HMAC rather than with the reference library, so that the tests, which
 * verify with the reference library, check an independent implementation. One attempt takes at most {@code timeout},
 * connection and answer included (the JDK's own request timeout ends when the status arrives, and a receiver
 * trickling its body after it would hold the attempt, and every event behind it, for as long as it liked); the answer's
 * body is never read (only its status), and never logged. Redirects are not
 * followed: a receiver that moved answers with its new URL configured.
 */
public final class StandardWebhooksDelivery implements EventDelivery {
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public StandardWebhooksDelivery(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public Outcome deliver(WebhookTarget target, EventOutbox.Entry event) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "wearables-gateway")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature(target, event.id(), timestamp, event.body()))
                .POST(HttpRequest.BodyPublishers.ofString(event.body(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, head -> {
            status.complete(head.statusCode());
            return HttpResponse.BodySubscribers.discarding();
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            // the status, or the failure that came before it (an answer only ends after its status)
            CompletableFuture.anyOf(status, answer).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            int code = status.join();
            discardTheRestUntil(answer, deadline);
            if (code >= 200 && code < 300) {
                return new Delivered(code);
            }
            return code == 410 ? new Gone() : new Failed("the receiver answered " + code);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return notInTime();
        } catch (ExecutionException e) {
            return failed(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed("the delivery was interrupted");
        }
    }

    @Override
    public Duration longestAttempt() {
        return timeout;
    }

    /**
     * The status decides; the body that follows it is discarded as it comes, until the attempt's deadline: the
     * connection is kept for the next event when the body ends by then, and closed when it does not (a receiver that
     * trickles its body never holds the delivery longer than the timeout).
     */
    private static void discardTheRestUntil(CompletableFuture<HttpResponse<Void>> answer, long deadline)
            throws InterruptedException {
        try {
            answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException bodyNotEnded) {
            answer.cancel(true);
        }
    }

    private Failed notInTime() {
        return new Failed("the receiver did not answer within " + timeout.toMillis() + " ms");
    }

    private Failed failed(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return notInTime();
        }
        if (cause instanceof ConnectException) {
            return new Failed("the receiver could not be reached");
        }
        return new Failed("the delivery failed (" + cause.getClass().getSimpleName() + ")");
    }

    /** {@code v1,<base64 HMAC-SHA256("<id>.<timestamp>.<body>")>} with the target's key. */
    static String signature(WebhookTarget target, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(target.key(), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
