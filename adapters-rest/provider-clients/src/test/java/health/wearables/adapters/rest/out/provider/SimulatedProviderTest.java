package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_ID;
import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.TestProviders.CODE;
import static health.wearables.adapters.rest.out.provider.TestProviders.REDIRECT_URI;
import static health.wearables.adapters.rest.out.provider.TestProviders.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.ProviderSimulator.RecordedRequest;
import health.wearables.domain.AccessToken;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Exchanged;
import health.wearables.domain.callback.ExchangeResult.Refused;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A built-in provider's documented token exchange against a simulator serving the provider's own paths (token
 * endpoint and any follow-up endpoint): the configuration is the provider's defaults with the simulator as host.
 */
abstract class SimulatedProviderTest extends SimulatorTest {
    private final BuiltInProvider defaults;

    SimulatedProviderTest(BuiltInProvider defaults) {
        this.defaults = defaults;
    }

    /** The provider's defaults, with every URL moved to the simulator (same paths). */
    ConfiguredProvider provider() {
        ConfiguredProvider documented = defaults.configured(CLIENT_ID, new ClientSecret(CLIENT_SECRET));
        return new ConfiguredProvider(
                documented.slug(),
                documented.displayName(),
                documented.oauthVersion(),
                ProviderEndpoints.oauth2(
                        documented.endpoints().authorization(),
                        onSimulator(documented.endpoints().token()),
                        onSimulator(documented.endpoints().apiBase())),
                documented.client(),
                documented.scopes(),
                documented.pkce(),
                documented.issuer());
    }

    private URI onSimulator(URI documented) {
        return simulator.baseUri().resolve(documented.getRawPath().isEmpty() ? "/" : documented.getRawPath());
    }

    String tokenPath() {
        return defaults.endpoints().token().getPath();
    }

    void tokenAnswers(ProviderSimulator.Answer answer) {
        simulator.answer(tokenPath(), answer);
    }

    /** Exchanges the test code, with the PKCE verifier when the provider uses PKCE. */
    ExchangeResult exchange() {
        return exchange(LIMITS);
    }

    ExchangeResult exchange(TokenEndpointLimits limits) {
        ConfiguredProvider provider = provider();
        return new HttpTokenExchange(limits, Clock.fixed(NOW, ZoneOffset.UTC))
                .exchange(
                        provider,
                        CODE,
                        provider.pkce().needsVerifier() ? Optional.of(VERIFIER) : Optional.empty(),
                        REDIRECT_URI);
    }

    /** Refreshes with the given refresh token (RFC 6749 §6). */
    ExchangeResult refresh(RefreshToken refreshToken) {
        return new HttpTokenRefresh(LIMITS, Clock.fixed(NOW, ZoneOffset.UTC)).refresh(provider(), refreshToken);
    }

    /** Revokes the grant of these tokens the provider's documented way, at the simulator. */
    RevocationOutcome revoke(TokenSet tokens) {
        return revoke(provider(), tokens, LIMITS);
    }

    static RevocationOutcome revoke(ConfiguredProvider provider, TokenSet tokens, TokenEndpointLimits limits) {
        return new HttpRevocations(limits, Clock.fixed(NOW, ZoneOffset.UTC)).revoke(provider, tokens);
    }

    /** OAuth 2.0 tokens whose access token lives another hour. */
    static TokenSet tokens(String accessToken, Optional<String> refreshToken) {
        return new TokenSet(
                new AccessToken(accessToken),
                refreshToken.map(RefreshToken::new),
                Optional.of(NOW.plusSeconds(3600)),
                List.of(),
                Optional.empty());
    }

    /** The provider's configuration with grants revoked at {@code revocation}. */
    ConfiguredProvider revokingAt(URI revocation) {
        ConfiguredProvider provider = provider();
        return new ConfiguredProvider(
                provider.slug(),
                provider.displayName(),
                provider.oauthVersion(),
                provider.endpoints().withRevocation(revocation),
                provider.client(),
                provider.scopes(),
                provider.pkce(),
                provider.issuer());
    }

    /** The refresh grant of RFC 6749 §6: the refresh token and nothing of the code grant. */
    static void assertRefreshGrant(RecordedRequest request, RefreshToken refreshToken) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.form())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", refreshToken.value())
                .doesNotContainKeys("code", "code_verifier", "redirect_uri");
    }

    /** The token endpoint refuses with the given answer: a refusal, after exactly one token call. */
    void assertRefusal(ProviderSimulator.Answer answer, String oauthError) {
        tokenAnswers(answer);
        assertThat(exchange()).isEqualTo(new Refused(oauthError));
        theTokenRequest();
    }

    TokenSet exchanged(ExchangeResult result) {
        assertThat(result).isInstanceOf(Exchanged.class);
        return ((Exchanged) result).tokens();
    }

    /** The one request the token endpoint received: it must have been called exactly once. */
    RecordedRequest theTokenRequest() {
        return theOnlyRequest(tokenPath());
    }

    RecordedRequest theOnlyRequest(String path) {
        List<RecordedRequest> requests = simulator.requests(path);
        assertThat(requests).as("calls to " + path).hasSize(1);
        return requests.get(0);
    }

    /** The authorization code grant of RFC 6749 §4.1.3, with the verifier when the provider uses PKCE. */
    void assertCodeGrant(RecordedRequest request) {
        assertThat(request.method()).isEqualTo("POST");
        Map<String, String> form = request.form();
        assertThat(form)
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("code", CODE.value())
                .containsEntry("redirect_uri", REDIRECT_URI.toString());
        if (defaults.pkce().needsVerifier()) {
            assertThat(form).containsEntry("code_verifier", VERIFIER.value());
        } else {
            assertThat(form).doesNotContainKey("code_verifier");
        }
    }

    /** {@code client_secret_basic}: the credentials in the header, none in the body. */
    static void assertBasicClientAuthentication(RecordedRequest request) {
        String expected =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(request.header("Authorization")).contains("Basic " + expected);
        assertThat(request.form()).doesNotContainKey("client_secret");
    }

    /** {@code client_secret_post}: the credentials in the body, no Authorization header. */
    static void assertBodyClientAuthentication(RecordedRequest request) {
        assertThat(request.header("Authorization")).isEmpty();
        assertThat(request.form()).containsEntry("client_id", CLIENT_ID).containsEntry("client_secret", CLIENT_SECRET);
    }

    static void assertBearer(RecordedRequest request, String accessToken) {
        assertThat(request.header("Authorization")).contains("Bearer " + accessToken);
    }
}
