package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The providers' own revocation calls that take the patient's access token and nothing else (no client
 * authentication): as a bearer, in the query, in a form. Each sends one request, and none is sent with an access
 * token that has expired ({@link RevocationAnswers#accessTokenExpired}): the provider's "unauthorized" would not tell
 * an expired token from a revoked grant.
 */
final class AccessTokenRevocations {

    private AccessTokenRevocations() {}

    /** {@code DELETE uri} with the access token as bearer (WHOOP, Polar, Garmin). */
    static RevocationOutcome bearerDelete(
            RevocationCalls calls, URI uri, TokenSet tokens, Instant now, IntPredicate alreadyGone) {
        return RevocationAnswers.accessTokenExpired(tokens, now)
                .orElseGet(() -> RevocationAnswers.read(calls.delete(uri, tokens.accessToken()), alreadyGone));
    }

    /** {@code GET uri?access_token=…} (Oura). */
    static RevocationOutcome inQuery(
            RevocationCalls calls, URI uri, TokenSet tokens, Instant now, IntPredicate alreadyGone) {
        return RevocationAnswers.accessTokenExpired(tokens, now).orElseGet(() -> {
            String separator = uri.getRawQuery() == null ? "?" : "&";
            URI withToken = URI.create(uri + separator + "access_token="
                    + URLEncoder.encode(tokens.accessToken().value(), StandardCharsets.UTF_8));
            return RevocationAnswers.read(calls.get(withToken), alreadyGone);
        });
    }

    /** {@code POST uri} with the form {@code access_token=…} (Strava). */
    static RevocationOutcome inForm(
            RevocationCalls calls, URI uri, TokenSet tokens, Instant now, IntPredicate alreadyGone) {
        return RevocationAnswers.accessTokenExpired(tokens, now)
                .orElseGet(() -> RevocationAnswers.read(
                        calls.postForm(
                                uri, Map.of("access_token", tokens.accessToken().value()), Optional.empty()),
                        alreadyGone));
    }
}
