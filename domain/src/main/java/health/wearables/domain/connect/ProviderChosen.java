package health.wearables.domain.connect;

import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/** How choosing a provider on a connect page ended. */
public sealed interface ProviderChosen {

    /** Consumes the outcome: one function per way a choice ends. */
    <R> R fold(
            Function<? super Started, R> onStarted,
            Function<? super NotOffered, R> onNotOffered,
            Function<? super Gone, R> onGone,
            Function<? super Refused, R> onRefused);

    /** The link was used up and the authorization started: the browser goes to the provider. */
    record Started(URI authorizationUrl) implements ProviderChosen {
        public Started {
            Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        }

        @Override
        public <R> R fold(
                Function<? super Started, R> onStarted,
                Function<? super NotOffered, R> onNotOffered,
                Function<? super Gone, R> onGone,
                Function<? super Refused, R> onRefused) {
            return onStarted.apply(this);
        }
    }

    /** The page does not offer that provider: the link is left as it was, and the page shows its offer again. */
    record NotOffered(ConnectPage.Offered page) implements ProviderChosen {
        @Override
        public <R> R fold(
                Function<? super Started, R> onStarted,
                Function<? super NotOffered, R> onNotOffered,
                Function<? super Gone, R> onGone,
                Function<? super Refused, R> onRefused) {
            return onNotOffered.apply(this);
        }
    }

    /** The link is unknown, expired or already used. */
    record Gone() implements ProviderChosen {
        @Override
        public <R> R fold(
                Function<? super Started, R> onStarted,
                Function<? super NotOffered, R> onNotOffered,
                Function<? super Gone, R> onGone,
                Function<? super Refused, R> onRefused) {
            return onGone.apply(this);
        }
    }

    /**
     * The link was used up, but the authorization could not start (the provider was retired since, or did not issue
     * OAuth 1.0a temporary credentials).
     */
    record Refused(ProviderSlug provider, Rejection rejection) implements ProviderChosen {
        @Override
        public <R> R fold(
                Function<? super Started, R> onStarted,
                Function<? super NotOffered, R> onNotOffered,
                Function<? super Gone, R> onGone,
                Function<? super Refused, R> onRefused) {
            return onRefused.apply(this);
        }
    }
}
