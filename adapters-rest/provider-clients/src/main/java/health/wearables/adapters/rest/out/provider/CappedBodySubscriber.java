package health.wearables.adapters.rest.out.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory, up to a cap. Past the cap (or when the {@code Content-Length} already
 * announces more) it cancels the subscription, which makes the HTTP client drop the connection, and fails with
 * {@link BodyTooLarge}: a hostile or broken endpoint cannot make the gateway buffer without bound.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was larger than the cap. Carries no body content. */
    static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge(int cap) {
            super("response body over " + cap + " bytes");
        }
    }

    private final int cap;
    private final long announcedLength;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBodySubscriber(int cap, long announcedLength) {
        this.cap = cap;
        this.announcedLength = announcedLength;
    }

    /** A body handler that gives each response its own capped subscriber. */
    static HttpResponse.BodyHandler<byte[]> handler(int cap) {
        return info -> new CappedBodySubscriber(
                cap, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (announcedLength > cap) {
            abandon();
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (collected.size() + (long) buffer.remaining() > cap) {
                abandon();
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            collected.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(collected.toByteArray());
    }

    private void abandon() {
        subscription.cancel();
        body.completeExceptionally(new BodyTooLarge(cap));
    }
}
