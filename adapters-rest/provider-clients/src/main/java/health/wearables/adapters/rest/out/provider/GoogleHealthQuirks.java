package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google Health API, Fitbit's successor, behind Google's OAuth 2.0: a refresh token is only issued with
 * {@code access_type=offline}, and again on a reconnect only with {@code prompt=consent}.
 *
 * <p>A grant is revoked at Google's OAuth 2.0 revocation endpoint, {@code https://oauth2.googleapis.com/revoke}
 * (beside the token endpoint), with the token as form field {@code token}; revoking the refresh token ends the grant.
 * Google's guide names only {@code token}; the {@code token_type_hint} and client authentication RFC 7009 adds are
 * sent as for any RFC 7009 server (what Google does with them could not be confirmed from its documentation here).
 */
final class GoogleHealthQuirks implements ProviderQuirks {

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "google-health",
            "Google Health",
            "Google Health API (successor of the Fitbit Web API), Google OAuth 2.0",
            ProviderEndpoints.oauth2(
                    URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                    URI.create("https://oauth2.googleapis.com/token"),
                    URI.create("https://health.googleapis.com")),
            List.of(
                    "https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly",
                    "https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly",
                    "https://www.googleapis.com/auth/googlehealth.sleep.readonly"),
            Pkce.S256,
            ClientAuthentication.POST,
            Optional.empty());

    private static final Map<String, String> OFFLINE_WITH_CONSENT =
            Map.of("access_type", "offline", "prompt", "consent");

    static final String REVOCATION = "revoke";

    @Override
    public Revocation revocation() {
        return Rfc7009Revocation.besideTokenEndpoint(REVOCATION);
    }

    @Override
    public Map<String, String> authorizationParameters() {
        return OFFLINE_WITH_CONSENT;
    }
}
