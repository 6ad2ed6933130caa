package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Oura API v2: plain OAuth 2.0 with the client credentials in the body and space-separated scopes. */
final class OuraQuirks implements ProviderQuirks {

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "oura",
            "Oura",
            "Oura API v2",
            ProviderEndpoints.oauth2(
                    URI.create("https://cloud.ouraring.com/oauth/authorize"),
                    URI.create("https://api.ouraring.com/oauth/token"),
                    URI.create("https://api.ouraring.com")),
            List.of("personal", "daily", "heartrate", "workout", "session", "spo2"),
            Pkce.NONE,
            ClientAuthentication.POST,
            Optional.empty());
}
