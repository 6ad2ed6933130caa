package health.wearables.adapters.rest.out.provider;

import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome;
import health.wearables.domain.lifecycle.RevocationOutcome.Failed;
import health.wearables.domain.lifecycle.RevocationOutcome.NotOffered;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * OAuth 2.0 Token Revocation (RFC 7009): a form POST of {@code token} and {@code token_type_hint}, our client
 * authenticated as at the token endpoint (§2.1). One token is sent: the refresh token when there is one, since
 * revoking it ends the grant and every access token of it (§2.1); otherwise the access token. A server that does not
 * revoke refresh tokens says {@code unsupported_token_type} (§2.2.1), and then the access token is sent.
 *
 * <p>200 (any 2xx) is revoked, also for a token the server no longer knows (§2.2: an invalid token is not an error). 503 (§2.2.1),
 * 429, other 5xx and no answer are failures worth asking again; any other answer is a failure that would recur. An
 * OAuth 1.0a grant has no RFC 7009 revocation.
 */
final class Rfc7009Revocation implements Revocation {
    /** RFC 7009 at the configured revocation URL; a provider without one offers no revocation. */
    static final Rfc7009Revocation CONFIGURED = new Rfc7009Revocation(ProviderEndpoints::revocation);

    private static final String UNSUPPORTED_TOKEN_TYPE = "unsupported_token_type";

    private final Function<ProviderEndpoints, Optional<URI>> where;

    private Rfc7009Revocation(Function<ProviderEndpoints, Optional<URI>> where) {
        this.where = where;
    }

    /**
     * RFC 7009 at the configured revocation URL, or else at {@code name} beside the token endpoint (Fitbit's
     * {@code /oauth2/token} and {@code /oauth2/revoke}): found from the configured token URL, a sandbox or proxy
     * configuration revokes where it redeems, never at the production host.
     */
    static Rfc7009Revocation besideTokenEndpoint(String name) {
        return new Rfc7009Revocation(endpoints ->
                endpoints.revocation().or(() -> Optional.of(endpoints.token().resolve(name))));
    }

    @Override
    public RevocationOutcome revoke(ConfiguredProvider provider, TokenSet tokens, RevocationCalls calls, Instant now) {
        Optional<URI> endpoint = where.apply(provider.endpoints());
        if (endpoint.isEmpty() || provider.oauthVersion() == OAuthVersion.OAUTH_1_0A) {
            return new NotOffered();
        }
        if (tokens.refreshToken().isPresent()) {
            Answer answer = send(
                    calls, provider, endpoint.get(), tokens.refreshToken().get().value(), "refresh_token");
            if (!unsupportedTokenType(answer)) {
                return read(answer);
            }
        }
        Answer answer =
                send(calls, provider, endpoint.get(), tokens.accessToken().value(), "access_token");
        return unsupportedTokenType(answer)
                ? new Failed("revocation endpoint revokes neither token type (unsupported_token_type)", false)
                : read(answer);
    }

    private static Answer send(
            RevocationCalls calls, ConfiguredProvider provider, URI endpoint, String token, String hint) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", hint);
        return calls.postForm(endpoint, form, Optional.of(provider.client()));
    }

    /** Any 2xx is revoked (RFC 7009 names 200; some servers answer 204). */
    private static RevocationOutcome read(Answer answer) {
        return RevocationAnswers.read(answer, status -> false);
    }

    /** A 400 whose {@code error} is {@code unsupported_token_type}; only compared, never quoted. */
    private static boolean unsupportedTokenType(Answer answer) {
        return answer.fold(
                answered -> answered.status() == 400
                        && ProviderResponses.json(answered.body())
                                .map(json -> UNSUPPORTED_TOKEN_TYPE.equals(json.get("error")))
                                .orElse(false),
                unanswered -> false);
    }
}
