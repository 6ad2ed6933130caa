package health.wearables.domain;

import java.util.Locale;

public enum ConnectionStatus {
    ACTIVE,
    PENDING,
    REVOKED,
    ERROR,
    /**
     * The provider refused the refresh token (or, twice, the access token): nothing is synced until the patient
     * connects again, which makes the connection active again.
     */
    REAUTH_REQUIRED,
    /** The provider's API was shut down (its retirement date has come): the connection ended for good. */
    RETIRED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
