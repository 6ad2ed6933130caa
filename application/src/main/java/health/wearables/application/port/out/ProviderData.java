package health.wearables.application.port.out;

import health.wearables.domain.AccessToken;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.SyncWindow;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A provider's data API, read one page at a time: what the patient's wearable recorded in a window, as measurements
 * of the domain's kinds. Each provider's client knows its own paths, paging, wrapping and limits; every call is sent
 * once under the provider transport's rules (deadline, body cap, no redirects), and every failure is a result, never
 * an exception.
 */
public interface ProviderData {

    /** Whether this port can read the data of {@code provider} (a provider without a data client is never synced). */
    boolean reads(ProviderSlug provider);

    /**
     * One page: the first when {@code cursor} is empty, else the one the cursor names (a cursor is only ever one this
     * client handed out for the same request).
     */
    DataPage read(DataRequest request, Optional<Cursor> cursor);

    /** What to read: whose data (the bearer token and, where the provider needs it, its user id), where, when. */
    record DataRequest(
            ProviderSlug provider,
            URI apiBase,
            AccessToken bearer,
            Optional<String> providerUserId,
            SyncWindow window) {
        public DataRequest {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(apiBase, "apiBase");
            Objects.requireNonNull(bearer, "bearer");
            Objects.requireNonNull(providerUserId, "providerUserId");
            Objects.requireNonNull(window, "window");
        }
    }

    /**
     * Where the next page starts: the client's own position (which endpoint, which slice of the window, the provider's
     * page token or offset), opaque to everyone else.
     */
    record Cursor(String position) {
        public Cursor {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String toString() {
            return "Cursor[…]";
        }
    }

    /** What reading one page gave. */
    sealed interface DataPage {
        <R> R fold(
                Function<Page, R> onPage,
                Function<Unauthorized, R> onUnauthorized,
                Function<RateLimited, R> onRateLimited,
                Function<Unreadable, R> onUnreadable,
                Function<Unavailable, R> onUnavailable);
    }

    /** The page's measurements, and where the next page starts (empty: this was the last). */
    record Page(List<Measurement> measurements, Optional<Cursor> next) implements DataPage {
        public Page {
            measurements = List.copyOf(measurements);
        }

        @Override
        public <R> R fold(
                Function<Page, R> onPage,
                Function<Unauthorized, R> onUnauthorized,
                Function<RateLimited, R> onRateLimited,
                Function<Unreadable, R> onUnreadable,
                Function<Unavailable, R> onUnavailable) {
            return onPage.apply(this);
        }
    }

    /** The provider refused the bearer token (HTTP 401, or the provider's equivalent inside a 200). */
    record Unauthorized() implements DataPage {
        @Override
        public <R> R fold(
                Function<Page, R> onPage,
                Function<Unauthorized, R> onUnauthorized,
                Function<RateLimited, R> onRateLimited,
                Function<Unreadable, R> onUnreadable,
                Function<Unavailable, R> onUnavailable) {
            return onUnauthorized.apply(this);
        }
    }

    /** Too many requests: nothing more before {@code retryAfter} (the provider's {@code Retry-After}, if it sent one). */
    record RateLimited(Optional<Duration> retryAfter) implements DataPage {
        @Override
        public <R> R fold(
                Function<Page, R> onPage,
                Function<Unauthorized, R> onUnauthorized,
                Function<RateLimited, R> onRateLimited,
                Function<Unreadable, R> onUnreadable,
                Function<Unavailable, R> onUnavailable) {
            return onRateLimited.apply(this);
        }
    }

    /** An answer that is not what the provider documents (malformed JSON, a wrapped error): the reason is ours. */
    record Unreadable(String reason) implements DataPage {
        @Override
        public <R> R fold(
                Function<Page, R> onPage,
                Function<Unauthorized, R> onUnauthorized,
                Function<RateLimited, R> onRateLimited,
                Function<Unreadable, R> onUnreadable,
                Function<Unavailable, R> onUnavailable) {
            return onUnreadable.apply(this);
        }
    }

    /** No answer, or a server error: transient; the reason is ours. */
    record Unavailable(String reason) implements DataPage {
        @Override
        public <R> R fold(
                Function<Page, R> onPage,
                Function<Unauthorized, R> onUnauthorized,
                Function<RateLimited, R> onRateLimited,
                Function<Unreadable, R> onUnreadable,
                Function<Unavailable, R> onUnavailable) {
            return onUnavailable.apply(this);
        }
    }
}
