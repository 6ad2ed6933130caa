package health.wearables.application.port.out;

import health.wearables.domain.SealedCredentials;

/**
 * Connections whose patient must connect again, because the provider refused their refresh token (or refused their
 * access token again right after a refresh). A marked connection is listed as {@code reauth_required} and is neither
 * synced nor refreshed; a reconnect ({@link ConnectionStore#save}) makes it active again.
 *
 * <p>Throws {@link ConnectionStoreUnavailable} when the store cannot be reached.
 */
@FunctionalInterface
public interface ReauthMarks {

    /**
     * Marks the connection of {@code refused} as {@code reauth_required}, only if its stored credentials are still
     * exactly these (compare and set): a reconnect that landed meanwhile wins, and this answers {@code false}, as it
     * does when the connection is gone.
     */
    boolean markReauthRequired(SealedCredentials refused);
}
