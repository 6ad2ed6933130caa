package health.wearables.adapters.rest.out.provider;

import health.wearables.adapters.rest.out.provider.oauth1.ClientCredentials;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1FollowUp;
import health.wearables.adapters.rest.out.provider.oauth1.TokenCredentials;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.Retirement;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Garmin's legacy OAuth 1.0a flow (request token → {@code oauthConfirm} → access token), for consumer keys that
 * predate Garmin's OAuth 2.0. Garmin retires it on 2026-12-31, so configuring it logs a WARN at start. It runs through
 * the gateway's OAuth 1.0a client; OAuth 2.0 quirks do not apply. As with Garmin's OAuth 2.0, the user id comes from
 * {@code GET /wellness-api/rest/user/id}, here signed with the new token credentials.
 *
 * <p>A grant is revoked as with Garmin's OAuth 2.0, {@code DELETE /wellness-api/rest/user/registration}, here signed
 * with the token credentials (Garmin: "the user access token is taken from the OAuth header"): 204 is revoked, and
 * 401 means the token was already deleted (OAuth 1.0a token credentials do not expire).
 */
final class GarminLegacy {
    /** The user-id lookup after the token credentials were issued; without a usable id the exchange fails. */
    static final Oauth1FollowUp USER_ID = (provider, tokens, get) -> GarminQuirks.withUserId(
            tokens, get.get(provider.endpoints().apiBase().resolve(GarminQuirks.USER_ID_PATH)));

    /** Its only hook: the signed revocation (the OAuth 2.0 hooks do not apply to an OAuth 1.0a provider). */
    static final ProviderQuirks QUIRKS = new ProviderQuirks() {
        @Override
        public Revocation revocation() {
            return GarminLegacy::revoke;
        }
    };

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

    private static RevocationOutcome revoke(
            ConfiguredProvider provider, TokenSet tokens, RevocationCalls calls, Instant now) {
        if (tokens.tokenSecret().isEmpty()) {
            return new RevocationOutcome.Failed("OAuth 1.0a grant without its token secret: cannot sign", false);
        }
        return RevocationAnswers.read(
                calls.signedDelete(
                        GarminQuirks.registration(provider),
                        new ClientCredentials(
                                provider.client().id(), provider.client().secret()),
                        new TokenCredentials(
                                new Oauth1Token(tokens.accessToken().value()),
                                tokens.tokenSecret().get())),
                status -> status == 401);
    }
}
