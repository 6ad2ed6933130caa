package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Dexcom API v3 data behind OAuth at {@code /v2/oauth2}: {@code offline_access} for a refresh token, client
 * credentials in the body. Production and sandbox are two hosts, so two slugs: {@code dexcom} and
 * {@code dexcom-sandbox}, with the same (plain) behaviour.
 *
 * <p>Dexcom documents no revocation of a grant (its Authentication page covers login, token and refresh; the user
 * revokes access in Dexcom's own account settings), so a disconnect ends the grant at the gateway only
 * ({@code NotOffered}) unless a revocation URL is configured.
 */
final class DexcomQuirks implements ProviderQuirks {

    static final String OFFLINE_SCOPE = "offline_access";
    static final BuiltInProvider PRODUCTION = defaults("dexcom", "Dexcom", URI.create("https://api.dexcom.com"));
    static final BuiltInProvider SANDBOX =
            defaults("dexcom-sandbox", "Dexcom (sandbox)", URI.create("https://sandbox-api.dexcom.com"));

    private static BuiltInProvider defaults(String slug, String name, URI host) {
        return new BuiltInProvider(
                slug,
                name,
                name + " API",
                ProviderEndpoints.oauth2(host.resolve("/v2/oauth2/login"), host.resolve("/v2/oauth2/token"), host),
                List.of(OFFLINE_SCOPE),
                Pkce.NONE,
                ClientAuthentication.POST,
                Optional.empty());
    }
}
