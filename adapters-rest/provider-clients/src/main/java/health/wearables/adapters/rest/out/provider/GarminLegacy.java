package health.wearables.adapters.rest.out.provider;

import health.wearables.adapters.rest.out.provider.oauth1.Oauth1FollowUp;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.lifecycle.Retirement;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Garmin's legacy OAuth 1.0a flow (request token → {@code oauthConfirm} → access token), for consumer keys that
 * predate Garmin's OAuth 2.0. Garmin retires it on 2026-12-31, so configuring it logs a WARN at start. It runs through
 * the gateway's OAuth 1.0a client; OAuth 2.0 quirks do not apply. As with Garmin's OAuth 2.0, the user id comes from
 * {@code GET /wellness-api/rest/user/id}, here signed with the new token credentials.
 */
final class GarminLegacy {
    /** The user-id lookup after the token credentials were issued; without a usable id the exchange fails. */
    static final Oauth1FollowUp USER_ID = (provider, tokens, get) -> GarminQuirks.withUserId(
            tokens, get.get(provider.endpoints().apiBase().resolve(GarminQuirks.USER_ID_PATH)));

    static final LocalDate RETIRED_ON = LocalDate.of(2026, 12, 31);

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "garmin-legacy",
            "Garmin (legacy OAuth 1.0a)",
            "Garmin Connect Health API over OAuth 1.0a; retired by Garmin on " + RETIRED_ON
                    + ": move patients to 'garmin' (OAuth 2.0 with PKCE)",
            ProviderEndpoints.oauth1(
                    URI.create("https://connectapi.garmin.com/oauth-service/oauth/request_token"),
                    URI.create("https://connect.garmin.com/oauthConfirm"),
                    URI.create("https://connectapi.garmin.com/oauth-service/oauth/access_token"),
                    URI.create("https://apis.garmin.com")),
            List.of(),
            Pkce.NONE,
            ClientAuthentication.BASIC,
            Optional.of(new Retirement(RETIRED_ON, Optional.of(new ProviderSlug(GarminQuirks.DEFAULTS.slug())))));

    private GarminLegacy() {}
}
