package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** WHOOP API: a refresh token is only issued when the {@code offline} scope is requested, so it is a default scope. */
final class WhoopQuirks implements ProviderQuirks {

    static final String OFFLINE_SCOPE = "offline";

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "whoop",
            "WHOOP",
            "WHOOP developer API v2",
            ProviderEndpoints.oauth2(
                    URI.create("https://api.prod.whoop.com/oauth/oauth2/auth"),
                    URI.create("https://api.prod.whoop.com/oauth/oauth2/token"),
                    URI.create("https://api.prod.whoop.com/developer")),
            List.of(
                    OFFLINE_SCOPE,
                    "read:recovery",
                    "read:cycles",
                    "read:workout",
                    "read:sleep",
                    "read:profile",
                    "read:body_measurement"),
            Pkce.NONE,
            ClientAuthentication.POST,
            Optional.empty());
}
