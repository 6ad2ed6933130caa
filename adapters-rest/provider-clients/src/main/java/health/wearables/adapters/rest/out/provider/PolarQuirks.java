package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Polar AccessLink: Basic client authentication; the token response carries {@code x_user_id} and no refresh token
 * (the access token is long-lived). Before any data can be read the user must be registered with
 * {@code POST /v3/users} and the new bearer token; 409 means already registered, which is as good. Any other answer
 * fails the exchange. The member id we register is Polar's own user id, so no identifier of ours leaves the gateway.
 *
 * <p>A grant is revoked by de-registering the user, {@code DELETE /v3/users/{x_user_id}} with the bearer token, which
 * "will revoke the access token authorized by user" (AccessLink v3 "Delete user", as generated into Polar's API
 * clients): 204 is revoked; 404 (no such registration) and 401 with the token (Polar's tokens live a year and are
 * not refreshed) mean the grant is already gone. A configured revocation URL replaces the users collection
 * ({@code /v3/users}); the user id is appended to it.
 */
final class PolarQuirks implements ProviderQuirks {

    static final String REGISTRATION_PATH = "/v3/users";
    private static final String REGISTRATION = "Polar user registration";

    static final BuiltInProvider DEFAULTS = new BuiltInProvider(
            "polar",
            "Polar",
            "Polar AccessLink API v3",
            ProviderEndpoints.oauth2(
                    URI.create("https://flow.polar.com/oauth2/authorization"),
                    URI.create("https://polarremote.com/v2/oauth2/token"),
                    URI.create("https://www.polaraccesslink.com")),
            List.of("accesslink.read_all"),
            Pkce.NONE,
            ClientAuthentication.BASIC,
            Optional.empty());

    static final String USERS_PATH = "/v3/users";

    @Override
    public Revocation revocation() {
        return (provider, tokens, calls, now) -> tokens.providerUserId()
                .<RevocationOutcome>map(userId -> AccessTokenRevocations.bearerDelete(
                        calls,
                        RevocationAnswers.below(
                                provider.endpoints()
                                        .revocation()
                                        .orElseGet(() -> RevocationAnswers.below(
                                                provider.endpoints().apiBase(), USERS_PATH)),
                                "/" + URLEncoder.encode(userId, StandardCharsets.UTF_8)),
                        tokens,
                        now,
                        status -> status == 401 || status == 404))
                .orElseGet(() -> new RevocationOutcome.Failed("Polar grant without a user id to de-register", false));
    }

    @Override
    public TokenSet complete(JSONObject response, TokenSet tokens, Instant now) {
        return ProviderResponses.withUserId(tokens, TokenResponseReader.userId(response.get("x_user_id")));
    }

    @Override
    public ExchangeResult afterExchange(ConfiguredProvider provider, TokenSet tokens, ProviderCalls calls) {
        Optional<String> userId = tokens.providerUserId();
        if (userId.isEmpty()) {
            return new ExchangeResult.Failed("Polar token response without a usable x_user_id");
        }
        ProviderCalls.Answer answer = calls.postJson(
                provider.endpoints().apiBase().resolve(REGISTRATION_PATH),
                tokens.accessToken(),
                JSONObject.toJSONString(Map.of("member-id", userId.get())));
        return answer.fold(
                answered -> answered.status() == 200 || answered.status() == 201 || answered.status() == 409
                        ? new ExchangeResult.Exchanged(tokens)
                        : ProviderResponses.followUpFailed(REGISTRATION, answered),
                unanswered -> ProviderResponses.followUpFailed(REGISTRATION, unanswered));
    }
}
