package health.wearables.adapters.rest.out.provider;

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
import net.minidev.json.JSONObject;

/**
 * Fitbit Web API: Basic client authentication, PKCE S256, {@code user_id} in the token response (read by the
 * standard reading). Its errors come as {@code {"errors":[{"errorType":"invalid_grant",...}],"success":false}},
 * which is turned into the RFC 6749 shape.
 *
 * <p>Google turns the legacy Web API off on {@link #RETIRED_ON}; its successor is the Google Health API
 * ({@code google-health}), and tokens cannot be carried over, so every patient connects again there. The day is the one
 * most of Google's developer pages give ("On October 30, 2026, the Fitbit Web API will be turned off and will no longer
 * function or sync data to or from Fitbit users": the banner of developers.google.com/health/reference/rest/…). One
 * version of that banner, written after support ended on September 30, names November 2, 2026 instead. The earlier
 * day is kept until Google's pages agree: retiring a few days early loses nothing a patient could still connect for,
 * retiring late leaves connections failing against an API that is gone. An operator who knows better sets
 * {@code wearables.providers.fitbit.retires-on}.
 *
 * <p>A grant is revoked by RFC 7009 at {@code POST /oauth2/revoke} beside the token endpoint, with Basic client
 * authentication; revoking either token removes all of the user's tokens for the application (Fitbit Web API
 * reference, Authorization, "Revoke Token").
 */
final class FitbitQuirks implements ProviderQuirks {

    /** The day the legacy Fitbit Web API stops serving, by Google's developer pages (see above). */
    static final LocalDate RETIRED_ON = LocalDate.of(2026, 10, 30);

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "fitbit",
            "Fitbit",
            "Fitbit Web API (legacy): turned off by Google on " + RETIRED_ON
                    + "; connect through 'google-health' instead",
            ProviderEndpoints.oauth2(
                    URI.create("https://www.fitbit.com/oauth2/authorize"),
                    URI.create("https://api.fitbit.com/oauth2/token"),
                    URI.create("https://api.fitbit.com")),
            List.of("activity", "heartrate", "sleep", "weight"),
            Pkce.S256,
            ClientAuthentication.BASIC,
            Optional.of(new Retirement(RETIRED_ON, Optional.of(new ProviderSlug(GoogleHealthQuirks.DEFAULTS.slug())))));

    static final String REVOCATION = "revoke";

    @Override
    public Revocation revocation() {
        return Rfc7009Revocation.besideTokenEndpoint(REVOCATION);
    }

    @Override
    public Unwrapped unwrap(JSONObject response) {
        if (!response.containsKey("error")) {
            var errorType = ProviderResponses.first(response, "errors").map(error -> error.get("errorType"));
            if (errorType.isPresent() && errorType.get() instanceof String code) {
                return new Unwrapped.Standard(ProviderResponses.oauthError(code));
            }
        }
        return new Unwrapped.Standard(response);
    }
}
