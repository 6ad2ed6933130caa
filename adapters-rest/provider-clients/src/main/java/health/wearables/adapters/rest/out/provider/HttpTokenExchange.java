package health.wearables.adapters.rest.out.provider;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.domain.AccessToken;
import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Failed;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redeems an authorization code at the provider's token endpoint (RFC 6749 §4.1.3) with {@code java.net.http}: the
 * request is built by Nimbus, sent exactly once (never retried: a second send would be code reuse), and read under a
 * connect timeout, an overall deadline that covers headers and body, and a body cap. Redirects are not followed, and
 * {@code java.net.http} does not retry a POST by itself (unless {@code jdk.httpclient.enableAllMethodRetry} is set,
 * which this gateway must not do).
 *
 * <p>Providers that bend OAuth 2.0 are met through their {@link ProviderQuirks}, found by slug in
 * {@link DocumentedBuiltInProviders}: extra form fields, an envelope around the answer, extra response fields, and a
 * follow-up call after a successful exchange, which is made with the same client under the same limits. Any other slug
 * is plain OAuth 2.0.
 *
 * <p>Every outcome is an {@link ExchangeResult}. Logs name the provider and our own reason, never the body, a token,
 * the code, the verifier or the client secret; exception messages are not logged either, since parsers and HTTP
 * stacks may quote what they were given.
 */
public final class HttpTokenExchange implements TokenExchange {
    private static final Logger LOG = System.getLogger(HttpTokenExchange.class.getName());
    /** Headers that {@link HttpRequest.Builder} sets itself and refuses to take. */
    private static final Set<String> HEADERS_SET_BY_CLIENT =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final Set<String> REGISTERED_ERRORS = Set.of(
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope");

    private final ProviderTransport transport;
    private final Clock clock;
    private final TokenResponseReader reader = new TokenResponseReader();
    private final DocumentedBuiltInProviders providers;
    private final ProviderCalls followUps = new FollowUpCalls();

    public HttpTokenExchange(TokenEndpointLimits limits, Clock clock) {
        this(limits, clock, DocumentedBuiltInProviders.standard());
    }

    /** With the given providers' quirks, looked up by slug; any other slug is plain OAuth 2.0. */
    public HttpTokenExchange(TokenEndpointLimits limits, Clock clock, DocumentedBuiltInProviders providers) {
        this.transport = new ProviderTransport(limits);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public ExchangeResult exchange(
            ConfiguredProvider provider, AuthorizationCode code, Optional<PkceVerifier> verifier, URI redirectUri) {
        ProviderQuirks quirks = providers.quirks(provider.slug());
        ExchangeResult result;
        try {
            result = read(provider, quirks, transport.send(tokenRequest(provider, quirks, code, verifier, redirectUri)))
                    .fold(
                            exchanged -> quirks.afterExchange(provider, exchanged.tokens(), followUps),
                            refused -> refused,
                            failed -> failed);
        } catch (RuntimeException e) {
            result = new Failed(
                    "token request could not be made (" + e.getClass().getSimpleName() + ")");
        }
        log(provider, result);
        return result;
    }

    private ExchangeResult read(ConfiguredProvider provider, ProviderQuirks quirks, ProviderCalls.Answer answer) {
        return answer.fold(
                answered -> reader.read(provider, quirks, answered.status(), answered.body(), clock.instant()),
                unanswered -> new Failed(unanswered.reason()));
    }

    private HttpRequest tokenRequest(
            ConfiguredProvider provider,
            ProviderQuirks quirks,
            AuthorizationCode code,
            Optional<PkceVerifier> verifier,
            URI redirectUri) {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(
                new com.nimbusds.oauth2.sdk.AuthorizationCode(code.value()),
                redirectUri,
                verifier.map(v -> new CodeVerifier(v.value())).orElse(null));
        HTTPRequest nimbus =
                new TokenRequest(provider.endpoints().token(), clientAuthentication(provider), grant).toHTTPRequest();
        nimbus.setAccept("application/json");

        HttpRequest.Builder request = transport
                .request(nimbus.getURI())
                .POST(HttpRequest.BodyPublishers.ofString(
                        withFields(nimbus.getBody(), quirks.tokenFormFields()), StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> header : nimbus.getHeaderMap().entrySet()) {
            if (!HEADERS_SET_BY_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request.build();
    }

    /** The form body with the provider's extra fields appended, encoded the same way. */
    private static String withFields(String form, Map<String, String> fields) {
        if (fields.isEmpty()) {
            return form;
        }
        Map<String, List<String>> extra = new TreeMap<>();
        fields.forEach((name, value) -> extra.put(name, List.of(value)));
        return form + "&" + URLUtils.serializeParameters(extra);
    }

    private static ClientAuthentication clientAuthentication(ConfiguredProvider provider) {
        ClientID id = new ClientID(provider.client().id());
        Secret secret = new Secret(provider.client().secret().value());
        return switch (provider.client().authentication()) {
            case BASIC -> new ClientSecretBasic(id, secret);
            case POST -> new ClientSecretPost(id, secret);
        };
    }

    /** The provider calls a strategy makes after the exchange: same client, same limits, bearer token, JSON. */
    private final class FollowUpCalls implements ProviderCalls {
        @Override
        public Answer get(URI uri, AccessToken bearer) {
            return transport.send(apiRequest(uri, bearer).GET().build());
        }

        @Override
        public Answer postJson(URI uri, AccessToken bearer, String json) {
            return transport.send(apiRequest(uri, bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build());
        }

        private HttpRequest.Builder apiRequest(URI uri, AccessToken bearer) {
            return transport
                    .request(uri)
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + bearer.value());
        }
    }

    /**
     * The error code when it is one RFC 6749 §5.2 registers; any other text came from the provider and could be
     * anything, even an echoed token, so it is only described.
     */
    private static String loggable(String oauthError) {
        return REGISTERED_ERRORS.contains(oauthError)
                ? oauthError
                : "an unregistered error code (" + oauthError.length() + " characters)";
    }

    private static void log(ConfiguredProvider provider, ExchangeResult result) {
        String slug = provider.slug().value();
        LogLine line = result.fold(
                exchanged -> new LogLine(Level.DEBUG, "token exchange with provider " + slug + " succeeded"),
                refused -> "invalid_client".equals(refused.oauthError())
                        ? new LogLine(
                                Level.ERROR,
                                "token endpoint rejected our client credentials for provider " + slug
                                        + ": check wearables.providers." + slug + ".client-id / client-secret")
                        : new LogLine(
                                Level.WARNING,
                                "token endpoint of provider " + slug + " refused the code: "
                                        + loggable(refused.oauthError())),
                failed -> new LogLine(
                        Level.WARNING, "token exchange with provider " + slug + " failed: " + failed.reason()));
        LOG.log(line.level(), line.message());
    }

    /** What the log says about one exchange. */
    private record LogLine(Level level, String message) {}
}
