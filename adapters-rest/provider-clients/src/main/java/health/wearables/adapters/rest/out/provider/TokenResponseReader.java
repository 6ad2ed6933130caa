package health.wearables.adapters.rest.out.provider;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Exchanged;
import health.wearables.domain.callback.ExchangeResult.Failed;
import health.wearables.domain.callback.ExchangeResult.Refused;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * Turns a token endpoint's answer (status and body) into an {@link ExchangeResult}, following RFC 6749 §5.1/§5.2
 * strictly where a lax reading would store something unusable, and leniently where providers commonly differ.
 *
 * <p>The reasons in {@link Failed} are our own words: they never quote the body, which may hold tokens. The
 * {@code Content-Type} is not checked: a body that is not a JSON object fails anyway, whatever it claims to be.
 */
final class TokenResponseReader {
    /** Error codes longer than this are not believed (RFC 6749 codes are short ASCII words). */
    static final int MAX_ERROR_CODE_LENGTH = 128;
    /** Provider user ids longer than this, or with characters outside visible ASCII, are ignored. */
    static final int MAX_USER_ID_LENGTH = 256;

    private static final Pattern SCOPE_SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Pattern USER_ID = Pattern.compile("[\\x21-\\x7E]{1," + MAX_USER_ID_LENGTH + "}");
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    ExchangeResult read(ConfiguredProvider provider, int status, byte[] body, Instant now) {
        return read(provider, ProviderQuirks.GENERIC, status, body, now);
    }

    /** The same, with the provider's quirks: its envelope unwrapped first, its extra fields read last. */
    ExchangeResult read(ConfiguredProvider provider, ProviderQuirks quirks, int status, byte[] body, Instant now) {
        return read(provider, quirks, quirks::unwrap, status, body, now);
    }

    /** The same, with the envelope taken off by {@code unwrap} (for a refresh: {@link ProviderQuirks#unwrapRefresh}). */
    ExchangeResult read(
            ConfiguredProvider provider,
            ProviderQuirks quirks,
            Function<JSONObject, ProviderQuirks.Unwrapped> unwrap,
            int status,
            byte[] body,
            Instant now) {
        if (status >= 300 && status < 400) {
            return failed("token endpoint redirected (HTTP " + status + "); redirects are not followed");
        }
        if (status >= 500) {
            return failed("token endpoint answered HTTP " + status);
        }
        boolean success = status >= 200 && status < 300;
        if (!success && (status < 400 || status >= 500)) {
            return failed("unexpected HTTP status " + status);
        }
        if (body.length == 0) {
            return failed("empty body (HTTP " + status + ")");
        }
        JSONObject json;
        try {
            json = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            return failed("body is not a JSON object (HTTP " + status + ")");
        }
        return unwrap.apply(json)
                .fold(
                        standard -> standard(provider, quirks, standard.response(), status, now),
                        failure -> failed(failure.reason() + " (HTTP " + status + ")"));
    }

    /** A response in RFC 6749's shape: an error (with any status it came with), or tokens (only with a 2xx). */
    private static ExchangeResult standard(
            ConfiguredProvider provider, ProviderQuirks quirks, JSONObject json, int status, Instant now) {
        if (json.containsKey("error")) {
            return refusal(json, status);
        }
        if (status >= 300) {
            return failed("HTTP " + status + " without an OAuth error");
        }
        return tokens(provider, json, now)
                .fold(
                        exchanged -> new Exchanged(quirks.complete(json, exchanged.tokens(), now)),
                        refused -> refused,
                        failed -> failed);
    }

    /** RFC 6749 §5.2, also when it arrives with 200 (some providers do that). */
    private static ExchangeResult refusal(JSONObject json, int status) {
        String code = null;
        try {
            code = TokenErrorResponse.parse(json).getErrorObject().getCode();
        } catch (ParseException | RuntimeException e) {
            // an error member that is not a string: handled as unusable below
        }
        if (code == null || code.isBlank() || code.length() > MAX_ERROR_CODE_LENGTH) {
            return failed("OAuth error response without a usable error code (HTTP " + status + ")");
        }
        return new Refused(code);
    }

    private static ExchangeResult tokens(ConfiguredProvider provider, JSONObject json, Instant now) {
        if (!(json.get("token_type") instanceof String type) || !"bearer".equalsIgnoreCase(type)) {
            return failed("token_type is missing or not Bearer");
        }
        if (!(json.get("access_token") instanceof String access) || access.isEmpty()) {
            return failed("access_token is missing or empty");
        }
        // expires_in and scope are read below, more leniently than Nimbus reads them
        JSONObject standard = new JSONObject(json);
        standard.remove("expires_in");
        standard.remove("scope");
        if (standard.get("refresh_token") instanceof String refresh && refresh.isBlank()) {
            standard.remove("refresh_token"); // an empty refresh token is no refresh token, not a broken response
        }
        Tokens tokens;
        try {
            tokens = AccessTokenResponse.parse(standard).getTokens();
        } catch (ParseException | RuntimeException e) {
            return failed("malformed token response");
        }
        AccessToken accessToken;
        try {
            accessToken = new AccessToken(tokens.getAccessToken().getValue());
        } catch (IllegalArgumentException e) {
            return failed("access_token over " + AccessToken.MAX_LENGTH + " characters or not visible ASCII");
        }
        Optional<RefreshToken> refreshToken;
        try {
            refreshToken =
                    Optional.ofNullable(tokens.getRefreshToken()).map(token -> new RefreshToken(token.getValue()));
        } catch (IllegalArgumentException e) {
            return failed("refresh_token over " + AccessToken.MAX_LENGTH + " characters or not visible ASCII");
        }
        return new Exchanged(new TokenSet(
                accessToken,
                refreshToken,
                TokenSet.expiryFrom(expiresIn(json.get("expires_in")), now),
                scopes(json.get("scope"), provider.scopes().requested()),
                userId(json.get("user_id"))));
    }

    /** A number (or a numeric string), saturated to the range of long; anything else counts as absent. */
    static Optional<Long> expiresIn(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return Optional.of((long) ((Number) value).doubleValue()); // saturating cast, also for ±Infinity
        }
        if (value instanceof Number number) {
            return Optional.of(saturated(new BigDecimal(number.toString())));
        }
        if (value instanceof String text) {
            try {
                return Optional.of(saturated(new BigDecimal(text.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static long saturated(BigDecimal value) {
        return value.max(LONG_MIN).min(LONG_MAX).longValue();
    }

    /** The granted scopes when the provider states them (space or comma separated), else what we asked for. */
    static List<String> scopes(Object value, List<String> configured) {
        if (value instanceof String text && !text.isBlank()) {
            return Arrays.stream(SCOPE_SEPARATORS.split(text.trim()))
                    .filter(scope -> !scope.isEmpty())
                    .toList();
        }
        return configured;
    }

    /** A {@code user_id} given as a string or an integer; odd values are dropped rather than failing the exchange. */
    static Optional<String> userId(Object value) {
        String text = null;
        if (value instanceof String string) {
            text = string;
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            text = value.toString();
        }
        return Optional.ofNullable(text).filter(id -> USER_ID.matcher(id).matches());
    }

    private static Failed failed(String reason) {
        return new Failed(reason);
    }
}
