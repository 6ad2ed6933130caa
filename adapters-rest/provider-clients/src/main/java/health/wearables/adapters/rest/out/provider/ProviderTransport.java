package health.wearables.adapters.rest.out.provider;

import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer;
import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer.Answered;
import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer.Unanswered;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the gateway talks to a provider: HTTP/1.1, redirects never followed, a connect timeout, an overall
 * deadline that covers headers and body, and a cap on the body. A request is sent once; {@code java.net.http} does not
 * retry a POST by itself. Failures are answered as our own short reason, never with anything the provider sent.
 */
public final class ProviderTransport {
    private final TokenEndpointLimits limits;
    private final HttpClient http;

    public ProviderTransport(TokenEndpointLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout())
                .build();
    }

    public TokenEndpointLimits limits() {
        return limits;
    }

    /** A request builder whose own timeout runs until the headers; {@link #send} also bounds the body. */
    public HttpRequest.Builder request(java.net.URI uri) {
        return HttpRequest.newBuilder(uri).timeout(limits.deadline());
    }

    /** Sends once and waits for the whole answer under the deadline and the body cap. */
    public Answer send(HttpRequest request) {
        long deadlineMillis = limits.deadline().toMillis();
        CompletableFuture<HttpResponse<byte[]>> answer =
                http.sendAsync(request, CappedBodySubscriber.handler(limits.maxBodyBytes()));
        try {
            HttpResponse<byte[]> response = answer.get(deadlineMillis, TimeUnit.MILLISECONDS);
            return new Answered(
                    response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Unanswered("no complete answer within " + deadlineMillis + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new Unanswered("interrupted while waiting for the provider");
        } catch (ExecutionException e) {
            return new Unanswered(failure(e.getCause()));
        }
    }

    private String failure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CappedBodySubscriber.BodyTooLarge) {
                return "response body over " + limits.maxBodyBytes() + " bytes";
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return "could not connect within " + limits.connectTimeout().toMillis() + " ms";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no complete answer within " + limits.deadline().toMillis() + " ms";
            }
            if (cause instanceof ConnectException) {
                return "could not connect to the provider";
            }
        }
        String kind = failure == null ? "unknown" : failure.getClass().getSimpleName();
        return failure instanceof IOException ? "I/O error (" + kind + ")" : "request failed (" + kind + ")";
    }
}
