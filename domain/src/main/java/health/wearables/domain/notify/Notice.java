package health.wearables.domain.notify;

import java.util.Objects;

/**
 * What a verified provider notification says about one of the provider's users, read from the provider's own format.
 * The user is named the provider's way (the same id the token exchange or the user-id lookup recorded on the
 * connection); a notice about a user the gateway does not know is acknowledged and changes nothing.
 */
public sealed interface Notice {

    /** The provider's user id the notice is about. */
    String providerUserId();

    /** The patient withdrew the grant at the provider (deauthorization, deregistration, a permission removed). */
    record Deauthorized(String providerUserId) implements Notice {
        public Deauthorized {
            Objects.requireNonNull(providerUserId, "provider user id");
        }
    }

    /** The provider holds new or revised data of the user: the connection is synced. */
    record DataAvailable(String providerUserId) implements Notice {
        public DataAvailable {
            Objects.requireNonNull(providerUserId, "provider user id");
        }
    }
}
