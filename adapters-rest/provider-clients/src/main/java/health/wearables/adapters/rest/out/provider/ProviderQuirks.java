package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import net.minidev.json.JSONObject;

/**
 * Where a wearable vendor bends OAuth 2.0, and how the generic client bends with it. Every hook has the plain
 * RFC 6749 behaviour as its default, so {@link #GENERIC} overrides nothing and a vendor's strategy overrides only what
 * its documentation says differs.
 */
public interface ProviderQuirks {

    /** Plain OAuth 2.0: what any slug without a built-in strategy gets. */
    ProviderQuirks GENERIC = new ProviderQuirks() {};

    /** Parameters added to the authorization request (e.g. Google's {@code access_type=offline}). */
    default Map<String, String> authorizationParameters() {
        return Map.of();
    }

    /** How the scopes are joined in the authorization request: a space (RFC 6749 §3.3) or a comma. */
    default String scopeSeparator() {
        return " ";
    }

    /** Form fields added to the token request (e.g. Withings' {@code action=requesttoken}). */
    default Map<String, String> tokenFormFields() {
        return Map.of();
    }

    /**
     * The token response as RFC 6749 §5.1/§5.2 would have it, or why the provider's own envelope says it failed. Runs
     * on any parsed JSON body of a 2xx or 4xx answer, before the standard reading.
     */
    default Unwrapped unwrap(JSONObject response) {
        return new Unwrapped.Standard(response);
    }

    /**
     * The same for the answer to a refresh (RFC 6749 §6): where the provider refuses a refresh token its own way, that
     * refusal is turned into {@code invalid_grant} here. By default, as {@link #unwrap}.
     */
    default Unwrapped unwrapRefresh(JSONObject response) {
        return unwrap(response);
    }

    /**
     * The token set read the standard way, completed from what the provider adds to its (unwrapped) response: its
     * user id, an absolute expiry. The standard reading already takes {@code user_id}.
     */
    default TokenSet complete(JSONObject response, TokenSet tokens, Instant now) {
        return tokens;
    }

    /**
     * A call the provider needs right after a successful exchange (registration, a user-id lookup), made under the
     * same transport rules as the token call. It may fail the exchange.
     */
    default ExchangeResult afterExchange(ConfiguredProvider provider, TokenSet tokens, ProviderCalls calls) {
        return new ExchangeResult.Exchanged(tokens);
    }

    /**
     * How the provider takes back a grant when the patient disconnects. By default RFC 7009 at the configured
     * revocation URL ({@code wearables.providers.<slug>.revocation-url}); without one, the provider offers none and
     * the grant ends only at the gateway.
     */
    default Revocation revocation() {
        return Rfc7009Revocation.CONFIGURED;
    }

    /** What {@link #unwrap} made of a response body. */
    sealed interface Unwrapped {
        <R> R fold(Function<? super Standard, R> onStandard, Function<? super Failure, R> onFailure);

        /** A body to read as RFC 6749 says. */
        record Standard(JSONObject response) implements Unwrapped {
            @Override
            public <R> R fold(Function<? super Standard, R> onStandard, Function<? super Failure, R> onFailure) {
                return onStandard.apply(this);
            }
        }

        /** The provider's envelope reports a failure; the reason is ours and quotes nothing from the body. */
        record Failure(String reason) implements Unwrapped {
            @Override
            public <R> R fold(Function<? super Standard, R> onStandard, Function<? super Failure, R> onFailure) {
                return onFailure.apply(this);
            }
        }
    }
}
