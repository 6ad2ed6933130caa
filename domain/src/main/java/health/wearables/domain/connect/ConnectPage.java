package health.wearables.domain.connect;

import health.wearables.domain.ProviderSlug;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** What opening a connect link shows: the providers on offer, or that the link can no longer be used. */
public sealed interface ConnectPage {

    /** Consumes the page: one function per way it can look. */
    <R> R fold(Function<? super Offered, R> onOffered, Function<? super Gone, R> onGone);

    /**
     * One provider the patient may choose: its slug, the name the page shows, and where its authorization starts (the
     * page allows its form to lead there, and nowhere else).
     */
    record Choice(ProviderSlug provider, String displayName, URI authorizationUrl) {
        public Choice {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        }
    }

    /** The link is valid and unused: the providers on offer, in the order the platform gave them. */
    record Offered(List<Choice> choices) implements ConnectPage {
        public Offered {
            choices = List.copyOf(choices);
        }

        @Override
        public <R> R fold(Function<? super Offered, R> onOffered, Function<? super Gone, R> onGone) {
            return onOffered.apply(this);
        }
    }

    /** The link is unknown, expired or already used: the patient needs a new one from the care team. */
    record Gone() implements ConnectPage {
        @Override
        public <R> R fold(Function<? super Offered, R> onOffered, Function<? super Gone, R> onGone) {
            return onGone.apply(this);
        }
    }
}
