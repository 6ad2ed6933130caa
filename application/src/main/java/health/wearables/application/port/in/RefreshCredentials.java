package health.wearables.application.port.in;

import health.wearables.domain.SealedCredentials;
import health.wearables.domain.refresh.Renewal;

/**
 * Renews a connection's credentials found wanting: their access token expires within the refresh margin, or the
 * provider's data API refused it. One refresh per connection at a time across all gateway instances; the credentials
 * are read again once that is certain, so a refresh another instance made is used instead of repeated; new credentials
 * are stored (compare and set) before anyone uses them; the provider refusing the refresh token makes the connection
 * {@code reauth_required}, a transient fault never does.
 */
@FunctionalInterface
public interface RefreshCredentials {

    Renewal refresh(SealedCredentials wanting);
}
