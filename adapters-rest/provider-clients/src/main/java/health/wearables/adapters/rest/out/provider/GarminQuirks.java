package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Garmin Connect Developer Program, OAuth 2.0: PKCE S256 is required and the client credentials go in the body. The
 * token response names no user, and Garmin's notifications identify users by their user id only, so after the
 * exchange the id is asked for with {@code GET /wellness-api/rest/user/id} and the new bearer token; without it the
 * exchange fails.
 *
 * <p>A grant is revoked by deleting the user's registration, {@code DELETE /wellness-api/rest/user/registration} with
 * the bearer token: 204, after which Garmin sends a final deregistration and rejects the token as unauthorized
 * (Garmin Health API, "Delete User Access Token", as quoted in RADAR-base's issue 304), so 401 with a fresh token means
 * the grant is already gone.
 */
final class GarminQuirks implements ProviderQuirks {

    static final String USER_ID_PATH = "/wellness-api/rest/user/id";
    private static final String LOOKUP = "Garmin user id lookup";

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "garmin",
            "Garmin",
            "Garmin Connect Developer Program (Health API), OAuth 2.0 with PKCE",
            ProviderEndpoints.oauth2(
                    URI.create("https://connect.garmin.com/oauth2Confirm"),
                    URI.create("https://diauth.garmin.com/di-oauth2-service/oauth/token"),
                    URI.create("https://apis.garmin.com")),
            List.of(),
            Pkce.S256,
            ClientAuthentication.POST,
            Optional.empty());

    static final String REGISTRATION_PATH = "/wellness-api/rest/user/registration";

    @Override
    public Revocation revocation() {
        return (provider, tokens, calls, now) -> AccessTokenRevocations.bearerDelete(
                calls, registration(provider), tokens, now, status -> status == 401);
    }

    /** Where the user's registration is deleted: the configured revocation URL, else below the API base. */
    static URI registration(ConfiguredProvider provider) {
        return provider.endpoints()
                .revocation()
                .orElseGet(() -> RevocationAnswers.below(provider.endpoints().apiBase(), REGISTRATION_PATH));
    }

    @Override
    public ExchangeResult afterExchange(ConfiguredProvider provider, TokenSet tokens, ProviderCalls calls) {
        return withUserId(
                tokens, calls.get(provider.endpoints().apiBase().resolve(USER_ID_PATH), tokens.accessToken()));
    }

    /** The tokens with the user id of Garmin's answer to {@value #USER_ID_PATH}; no usable id fails the exchange. */
    static ExchangeResult withUserId(TokenSet tokens, ProviderCalls.Answer answer) {
        return answer.fold(
                answered -> answered.status() == 200
                        ? withUserIdOf(tokens, answered.body())
                        : ProviderResponses.followUpFailed(LOOKUP, answered),
                unanswered -> ProviderResponses.followUpFailed(LOOKUP, unanswered));
    }

    private static ExchangeResult withUserIdOf(TokenSet tokens, byte[] body) {
        Optional<String> userId =
                ProviderResponses.json(body).flatMap(json -> TokenResponseReader.userId(json.get("userId")));
        return userId.<ExchangeResult>map(
                        id -> new ExchangeResult.Exchanged(ProviderResponses.withUserId(tokens, userId)))
                .orElse(new ExchangeResult.Failed("Garmin user id answer without a usable userId"));
    }
}
