package health.wearables.acceptance.steps;

import health.wearables.acceptance.sweep.Secret;
import health.wearables.acceptance.sweep.SecretKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every secret the run handled, and every error body the gateway answered, for the sweep after the last scenario
 * ({@link WholeRunSweep}). This is run-wide by nature, so, like the provider simulators, it is static; it only ever
 * grows, and is safe for concurrent steps.
 *
 * <p>Steps feed it with what they see pass: states and codes on URLs ({@link Gateway} does this for every request and
 * redirect), verifiers and client credentials arriving at the providers, tokens the providers issue. Steps of other
 * protocols (OAuth 1.0a: {@code oauth_token}, {@code oauth_token_secret}, {@code oauth_verifier}) register theirs
 * with {@link #remember}.
 */
public final class RunSecrets {
    /** Query parameters that carry a secret, wherever they appear. */
    private static final Map<String, SecretKind> SECRET_PARAMETERS = Map.of(
            "state", SecretKind.STATE,
            "code", SecretKind.AUTHORIZATION_CODE,
            "code_verifier", SecretKind.PKCE_VERIFIER,
            "client_secret", SecretKind.CLIENT_SECRET,
            "oauth_token", SecretKind.OAUTH_TOKEN,
            "oauth_verifier", SecretKind.OAUTH_VERIFIER,
            "oauth_token_secret", SecretKind.OAUTH_TOKEN_SECRET);

    private static final Set<Secret> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<ErrorBody> ERROR_BODIES = new CopyOnWriteArrayList<>();

    /** An error answer of the gateway: which request got it, and its body. */
    public record ErrorBody(String request, String body) {}

    private RunSecrets() {}

    /** Registers a secret; null and empty values are ignored (the sweep also skips very short ones). */
    public static void remember(SecretKind kind, String value) {
        if (value != null && !value.isEmpty()) {
            SECRETS.add(new Secret(kind, value));
        }
    }

    /** Registers the secrets among a URL's query parameters ({@code state}, {@code code}, {@code oauth_token}, …). */
    public static void rememberFromQuery(URI uri) {
        rememberFromForm(uri.getRawQuery());
    }

    /** The same for a form-encoded body or a raw query string. */
    public static void rememberFromForm(String rawForm) {
        for (Map.Entry<String, String> parameter : Query.pairs(rawForm)) {
            SecretKind kind = SECRET_PARAMETERS.get(parameter.getKey());
            if (kind != null) {
                remember(kind, parameter.getValue());
            }
        }
    }

    /** Records an error answer of the gateway; the sweep checks that it holds no secret of the run. */
    public static void rememberErrorBody(String request, String body) {
        ERROR_BODIES.add(new ErrorBody(request, body == null ? "" : body));
    }

    static Set<Secret> secrets() {
        return Set.copyOf(SECRETS);
    }

    static List<ErrorBody> errorBodies() {
        return List.copyOf(ERROR_BODIES);
    }
}
