package health.wearables.adapters.rest.out.provider;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.domain.AccessToken;
import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.callback.ExchangeResult;
import java.lang.System.Logger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

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
 * is plain OAuth 2.0. The call itself is the {@link TokenEndpoint}'s, shared with {@link HttpTokenRefresh}.
 *
 * <p>Every outcome is an {@link ExchangeResult}. Logs name the provider and our own reason, never the body, a token,
 * the code, the verifier or the client secret; exception messages are not logged either, since parsers and HTTP
 * stacks may quote what they were given.
 */
public final class HttpTokenExchange implements TokenExchange {
    private static final Logger LOG = System.getLogger(HttpTokenExchange.class.getName());

    private final ProviderTransport transport;
    private final TokenEndpoint tokenEndpoint;
    private final DocumentedBuiltInProviders providers;
    private final ProviderCalls followUps = new FollowUpCalls();

    public HttpTokenExchange(TokenEndpointLimits limits, Clock clock) {
        this(limits, clock, DocumentedBuiltInProviders.standard());
    }

    /** With the given providers' quirks, looked up by slug; any other slug is plain OAuth 2.0. */
    public HttpTokenExchange(TokenEndpointLimits limits, Clock clock, DocumentedBuiltInProviders providers) {
        this.transport = new ProviderTransport(limits);
        this.tokenEndpoint = new TokenEndpoint(transport, clock);
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public ExchangeResult exchange(
            ConfiguredProvider provider, AuthorizationCode code, Optional<PkceVerifier> verifier, URI redirectUri) {
        ProviderQuirks quirks = providers.quirks(provider.slug());
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(
                new com.nimbusds.oauth2.sdk.AuthorizationCode(code.value()),
                redirectUri,
                verifier.map(v -> new CodeVerifier(v.value())).orElse(null));
        ExchangeResult result = tokenEndpoint
                .call(provider, quirks, grant, quirks::unwrap)
                .fold(
                        exchanged -> quirks.afterExchange(provider, exchanged.tokens(), followUps),
                        refused -> refused,
                        failed -> failed);
        TokenEndpoint.log(LOG, provider, result, "token exchange", "the code");
        return result;
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
}
