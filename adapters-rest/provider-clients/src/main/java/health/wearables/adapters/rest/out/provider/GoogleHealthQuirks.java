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

    @Override
    public Map<String, String> authorizationParameters() {
        return OFFLINE_WITH_CONSENT;
    }
}
