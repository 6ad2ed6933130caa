package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_ID;
import static health.wearables.adapters.rest.out.provider.TestProviders.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.TestProviders.REDIRECT_URI;
import static health.wearables.adapters.rest.out.provider.TestProviders.STATE;
import static health.wearables.adapters.rest.out.provider.TestProviders.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Exchanged;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole authorization code flow against a real OAuth 2.0 server (NAV's mock-oauth2-server on loopback): our
 * authorization URL is accepted, the state comes back, the code is redeemed once with PKCE and the configured client
 * authentication, and the answer is a usable token set; its refresh token then gets new tokens (RFC 6749 §6).
 */
class HttpTokenExchangeAgainstMockOAuth2ServerTest {
    private static final String ISSUER = "acme-fit";
    /** The mock server is an OpenID provider and insists on {@code openid}; wearable providers do not. */
    private static final List<String> SCOPES = List.of("openid", "activity", "sleep");

    private final MockOAuth2Server server = new MockOAuth2Server();
    private final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startServer() {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopServer() {
        server.shutdown();
    }

    @ParameterizedTest
    @EnumSource(ClientAuthentication.class)
    void code_obtained_with_our_authorization_url_is_exchanged_once_for_tokens(ClientAuthentication authentication)
            throws Exception {
        ConfiguredProvider provider = provider(authentication);
        Instant before = Instant.now();

        AuthorizationCode code = approve(provider, VERIFIER);
        ExchangeResult result = new HttpTokenExchange(TokenEndpointLimits.DEFAULTS, Clock.systemUTC())
                .exchange(provider, code, Optional.of(VERIFIER), REDIRECT_URI);

        assertThat(result).isInstanceOf(Exchanged.class);
        TokenSet tokens = ((Exchanged) result).tokens();
        assertThat(tokens.accessToken().value()).isNotEmpty();
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.accessTokenExpiresAt())
                .hasValueSatisfying(expiry -> assertThat(expiry).isAfter(before));

        RecordedRequest tokenRequest = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(tokenRequest.getPath()).endsWith("/token");
        Map<String, String> form = form(tokenRequest.getBody().readUtf8());
        assertThat(form)
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("code", code.value())
                .containsEntry("code_verifier", VERIFIER.value())
                .containsEntry("redirect_uri", REDIRECT_URI.toString());
        if (authentication == ClientAuthentication.BASIC) {
            assertThat(tokenRequest.getHeader("Authorization"))
                    .isEqualTo("Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
            assertThat(form).doesNotContainKey("client_secret");
        } else {
            assertThat(tokenRequest.getHeader("Authorization")).isNull();
            assertThat(form).containsEntry("client_id", CLIENT_ID).containsEntry("client_secret", CLIENT_SECRET);
        }
        assertThatThrownBy(() -> server.takeRequest(200, TimeUnit.MILLISECONDS))
                .as("no request after the one token request")
                .isExactlyInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(ClientAuthentication.class)
    void the_refresh_token_from_the_exchange_is_sent_once_for_new_tokens(ClientAuthentication authentication)
            throws Exception {
        ConfiguredProvider provider = provider(authentication);
        TokenSet issued = ((Exchanged) new HttpTokenExchange(TokenEndpointLimits.DEFAULTS, Clock.systemUTC())
                        .exchange(provider, approve(provider, VERIFIER), Optional.of(VERIFIER), REDIRECT_URI))
                .tokens();
        server.takeRequest(1, TimeUnit.SECONDS); // the code's token request
        RefreshToken refreshToken = issued.refreshToken().orElseThrow();

        ExchangeResult result =
                new HttpTokenRefresh(TokenEndpointLimits.DEFAULTS, Clock.systemUTC()).refresh(provider, refreshToken);

        assertThat(result).isInstanceOf(Exchanged.class);
        TokenSet refreshed = ((Exchanged) result).tokens();
        assertThat(refreshed.accessToken().value())
                .isNotEmpty()
                .isNotEqualTo(issued.accessToken().value());
        assertThat(refreshed.accessTokenExpiresAt()).isPresent();
        RecordedRequest refreshRequest = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(refreshRequest.getPath()).endsWith("/token");
        assertThat(form(refreshRequest.getBody().readUtf8()))
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", refreshToken.value())
                .doesNotContainKeys("code", "code_verifier");
        assertThat(refreshRequest.getHeader("Authorization") != null)
                .as("client authentication in the header")
                .isEqualTo(authentication == ClientAuthentication.BASIC);
        assertThatThrownBy(() -> server.takeRequest(200, TimeUnit.MILLISECONDS))
                .as("no request after the one refresh request")
                .isExactlyInstanceOf(RuntimeException.class);
    }

    /**
     * mock-oauth2-server (6.0.2) serves RFC 7009 at {@code /<issuer>/revoke}: it revokes refresh tokens and answers
     * {@code unsupported_token_type} for any other hint, so it also checks the access-token fallback from the other
     * side.
     */
    @ParameterizedTest
    @EnumSource(ClientAuthentication.class)
    void the_refresh_token_is_revoked_at_an_independent_rfc_7009_server(ClientAuthentication authentication)
            throws Exception {
        ConfiguredProvider provider = revoking(provider(authentication));
        TokenSet issued = ((Exchanged) new HttpTokenExchange(TokenEndpointLimits.DEFAULTS, Clock.systemUTC())
                        .exchange(provider, approve(provider, VERIFIER), Optional.of(VERIFIER), REDIRECT_URI))
                .tokens();
        server.takeRequest(1, TimeUnit.SECONDS); // the code's token request

        assertThat(new HttpRevocations(TokenEndpointLimits.DEFAULTS, Clock.systemUTC()).revoke(provider, issued))
                .isEqualTo(new RevocationOutcome.Revoked());

        RecordedRequest revocation = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(revocation.getPath()).endsWith("/revoke");
        assertThat(form(revocation.getBody().readUtf8()))
                .containsEntry("token", issued.refreshToken().orElseThrow().value())
                .containsEntry("token_type_hint", "refresh_token");
        assertThat(revocation.getHeader("Authorization") != null)
                .as("client authentication in the header")
                .isEqualTo(authentication == ClientAuthentication.BASIC);
        assertThatThrownBy(() -> server.takeRequest(200, TimeUnit.MILLISECONDS))
                .as("one revocation request for the grant")
                .isExactlyInstanceOf(RuntimeException.class);
    }

    @Test
    void a_server_that_revokes_no_access_tokens_answers_unsupported_token_type_which_is_not_asked_again()
            throws Exception {
        ConfiguredProvider provider = revoking(provider(ClientAuthentication.BASIC));
        TokenSet issued = ((Exchanged) new HttpTokenExchange(TokenEndpointLimits.DEFAULTS, Clock.systemUTC())
                        .exchange(provider, approve(provider, VERIFIER), Optional.of(VERIFIER), REDIRECT_URI))
                .tokens();
        TokenSet accessOnly = new TokenSet(
                issued.accessToken(), Optional.empty(), issued.accessTokenExpiresAt(), List.of(), Optional.empty());

        assertThat(new HttpRevocations(TokenEndpointLimits.DEFAULTS, Clock.systemUTC()).revoke(provider, accessOnly))
                .isEqualTo(new RevocationOutcome.Failed(
                        "revocation endpoint revokes neither token type (unsupported_token_type)", false));
    }

    private ConfiguredProvider revoking(ConfiguredProvider provider) {
        return new ConfiguredProvider(
                provider.slug(),
                provider.displayName(),
                provider.oauthVersion(),
                provider.endpoints()
                        .withRevocation(server.url(ISSUER + "/revoke").uri()),
                provider.client(),
                provider.scopes(),
                provider.pkce(),
                provider.issuer());
    }

    private ConfiguredProvider provider(ClientAuthentication authentication) {
        return TestProviders.provider(
                server.authorizationEndpointUrl(ISSUER).uri(),
                server.tokenEndpointUrl(ISSUER).uri(),
                authentication,
                CLIENT_ID,
                CLIENT_SECRET,
                SCOPES);
    }

    /** Plays the patient's browser: follows our authorization URL and reads the code off the redirect. */
    private AuthorizationCode approve(ConfiguredProvider provider, PkceVerifier verifier)
            throws IOException, InterruptedException {
        URI authorizationUrl =
                new NimbusAuthorizationUrls().authorizationUrl(provider, STATE, Optional.of(verifier), REDIRECT_URI);
        HttpResponse<Void> redirect =
                browser.send(HttpRequest.newBuilder(authorizationUrl).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(redirect.statusCode()).isEqualTo(302);
        URI callback = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo(REDIRECT_URI.getPath());
        Map<String, String> query = form(callback.getRawQuery());
        assertThat(query).containsEntry("state", STATE.value());

        RecordedRequest authorizationRequest = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(authorizationRequest.getRequestUrl().queryParameter("code_challenge"))
                .isEqualTo(verifier.s256Challenge());
        return new AuthorizationCode(query.get("code"));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&", -1)) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
