package health.wearables.adapters.rest.provider.oauth1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected up to a cap; past it (or when {@code Content-Length} announces more) the subscription is
 * cancelled, which drops the connection, and the body fails with {@link TooLarge}. The OAuth 2.0 client's
 * equivalent is package-private in another package, hence this one.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was over the cap. Carries no body content. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int cap) {
            super("response body over " + cap + " bytes");
        }
    }

    private final int cap;
    private final long announced;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(int cap, long announced) {
        this.cap = cap;
        this.announced = announced;
    }

    static HttpResponse.BodyHandler<byte[]> upTo(int cap) {
        return info -> new CappedBody(cap, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (announced > cap) {
            giveUp();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (body.isDone()) {
                return;
            }
            if (collected.size() + (long) buffer.remaining() > cap) {
                giveUp();
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

    private void giveUp() {
        subscription.cancel();
        body.completeExceptionally(new TooLarge(cap));
    }
}
