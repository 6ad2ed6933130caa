package health.wearables.adapters.rest.out.platform;

import health.wearables.application.port.out.EventDelivery;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.domain.events.WebhookTarget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers an event as the Standard Webhooks specification defines: a {@code POST} of the recorded body with {@code
 * webhook-id} (the event's id, the same on every attempt), {@code webhook-timestamp} (this attempt's time in seconds)
 * and {@code webhook-signature} ({@code v1,} and the base64 of HMAC-SHA256 over {@code id.timestamp.body} with the
 * project's key). Signed here with the JDK's HMAC rather than with the reference library, so that the tests, which
 * verify with the reference library, check an independent implementation. One attempt waits at most {@code timeout}
 * for the status, connection included, and ends with it: the JDK's request timeout ends when the status arrives, and
 * a receiver trickling its body after it would otherwise hold the attempt, and every event behind it, as long as it
 * liked. The answer's body is never read (only its status), and never logged. Redirects are not
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
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            int status =
                    http.send(request, head -> new DiscardedUntil(deadline)).statusCode();
            if (status >= 200 && status < 300) {
                return new Delivered(status);
            }
            return status == 410 ? new Gone() : new Failed("the receiver answered " + status);
        } catch (HttpTimeoutException e) {
            return new Failed("the receiver did not answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return new Failed("the receiver could not be reached");
        } catch (IOException e) {
            return new Failed("the delivery failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("the delivery was interrupted");
        }
    }

    @Override
    public Duration longestAttempt() {
        return timeout;
    }

    /**
     * An answer's body, discarded. The answer is complete with its status, which decides; the body is drained in the
     * background, so the connection serves the next event once it has ended, and is cut off if it has not ended by the
     * attempt's deadline: a receiver trickling or stalling its body holds neither the delivery nor a connection longer.
     */
    private static final class DiscardedUntil implements HttpResponse.BodySubscriber<Void> {
        private final long deadline;
        private final AtomicBoolean ended = new AtomicBoolean();

        DiscardedUntil(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
            CompletableFuture.delayedExecutor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    .execute(() -> {
                        if (ended.compareAndSet(false, true)) {
                            subscription.cancel();
                        }
                    });
        }

        @Override
        public void onNext(List<ByteBuffer> discarded) {
            // never read
        }

        @Override
        public void onError(Throwable failure) {
            ended.set(true);
        }

        @Override
        public void onComplete() {
            ended.set(true);
        }

        @Override
        public CompletionStage<Void> getBody() {
            return CompletableFuture.completedStage(null);
        }
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
