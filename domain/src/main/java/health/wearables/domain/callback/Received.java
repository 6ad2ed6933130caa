package health.wearables.domain.callback;

import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.FlowKey;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1Verifier;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.StateToken;
import health.wearables.domain.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * State 1: a callback whose parameters are well formed. Nothing has been asked of any store yet, so every rejection
 * from here leaves the state untouched.
 */
public record Received(
        String providerPath,
        Optional<StateToken> state,
        Optional<AuthorizationCode> code,
        Optional<ProviderError> error,
        Optional<String> iss,
        Optional<String> grantedScope,
        Optional<Oauth1Token> oauthToken,
        Optional<Oauth1Verifier> oauthVerifier) {

    private static final Pattern ISS = Pattern.compile("[\\x21-\\x7E]{1,2048}");
    private static final Pattern SCOPE = Pattern.compile("[\\x20-\\x7E]{0,2048}");

    public static Step<Received> parse(String providerPath, Map<String, List<String>> query) {
        return CallbackQuery.of(query).then(q -> parse(providerPath, q));
    }

    private static Step<Received> parse(String providerPath, CallbackQuery q) {
        Optional<StateToken> state;
        Optional<AuthorizationCode> code;
        try {
            state = q.get("state").map(StateToken::new);
        } catch (IllegalArgumentException e) {
            return invalid("The state parameter is malformed.");
        }
        try {
            code = q.get("code").map(AuthorizationCode::new);
        } catch (IllegalArgumentException e) {
            return invalid("The code parameter is malformed.");
        }
        Optional<String> error = q.get("error");
        if (error.isPresent() && !ProviderError.isWellFormed(error.get())) {
            return invalid("The error parameter is malformed.");
        }
        Optional<String> iss = q.get("iss");
        if (iss.isPresent() && !ISS.matcher(iss.get()).matches()) {
            return invalid("The iss parameter is malformed.");
        }
        Optional<String> scope = q.get("scope");
        if (scope.isPresent() && !SCOPE.matcher(scope.get()).matches()) {
            return invalid("The scope parameter is malformed.");
        }
        Optional<Oauth1Token> oauthToken;
        Optional<Oauth1Verifier> oauthVerifier;
        try {
            oauthToken = q.get("oauth_token").map(Oauth1Token::new);
        } catch (IllegalArgumentException e) {
            return invalid("The oauth_token parameter is malformed.");
        }
        try {
            oauthVerifier = q.get("oauth_verifier").map(Oauth1Verifier::new);
        } catch (IllegalArgumentException e) {
            return invalid("The oauth_verifier parameter is malformed.");
        }
        return Step.ok(new Received(
                providerPath,
                state,
                code,
                error.map(e -> ProviderError.of(e, q.get("error_description"))),
                iss,
                scope,
                oauthToken,
                oauthVerifier));
    }

    private static <T> Step<T> invalid(String message) {
        return Step.reject(Rejection.of(RejectionCode.INVALID_REQUEST, message));
    }

    /** The slug in the path, if it is one. */
    public Optional<ProviderSlug> providerSlug() {
        return ProviderSlug.parse(providerPath);
    }

    /**
     * Transition to {@link StateReceived}: the provider must be known and the key of the flow present — the state
     * (OAuth 2.0), or the temporary {@code oauth_token} with its {@code oauth_verifier} (OAuth 1.0a). A provider's
     * error without any state cannot be tied to a flow, and is answered as the provider's error.
     */
    public Step<StateReceived> identify(Optional<ConfiguredProvider> provider) {
        if (provider.isEmpty()) {
            return Step.reject(Rejection.of(RejectionCode.UNKNOWN_PROVIDER, "No such provider is configured."));
        }
        if (provider.get().oauthVersion() == OAuthVersion.OAUTH_1_0A) {
            return identifyOauth1(provider.get());
        }
        if (state.isEmpty()) {
            if (error.isPresent()) {
                Rejection rejection = Rejection.of(RejectionCode.PROVIDER_ERROR, "The provider reported an error.");
                return Step.reject(error.get()
                        .registeredCode()
                        .map(rejection::withProviderError)
                        .orElse(rejection));
            }
            return Step.reject(Rejection.of(RejectionCode.MISSING_PARAMETER, "The state parameter is missing."));
        }
        return Step.ok(
                new StateReceived(provider.get(), state.get(), code, error, iss, grantedScope, Optional.empty()));
    }

    /** RFC 5849 §2.2: the callback carries the temporary token and the verifier; both are needed, neither is spent. */
    private Step<StateReceived> identifyOauth1(ConfiguredProvider provider) {
        if (oauthToken.isEmpty()) {
            return Step.reject(Rejection.of(RejectionCode.MISSING_PARAMETER, "The oauth_token parameter is missing."));
        }
        if (oauthVerifier.isEmpty()) {
            return Step.reject(
                    Rejection.of(RejectionCode.MISSING_PARAMETER, "The oauth_verifier parameter is missing."));
        }
        FlowKey key = oauthToken.get();
        return Step.ok(new StateReceived(
                provider, key, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), oauthVerifier));
    }
}
