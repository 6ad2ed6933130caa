package health.wearables.domain.callback;

import static health.wearables.domain.Fixtures.NOW;
import static health.wearables.domain.Fixtures.TTL;
import static health.wearables.domain.Fixtures.ok;
import static health.wearables.domain.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.domain.AccessToken;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Fixtures;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.Oauth1Verifier;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.ScopePolicy;
import health.wearables.domain.Step;
import health.wearables.domain.TokenSet;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5849 §2.2–2.3 callbacks: the temporary token keys the flow, the verifier and the stored secret make the grant. */
class Oauth1CallbackTest {
    private static final ConfiguredProvider LEGACY = new ConfiguredProvider(
            new ProviderSlug("garmin-legacy"),
            "Garmin (legacy)",
            OAuthVersion.OAUTH_1_0A,
            ProviderEndpoints.oauth1(
                    URI.create("https://connectapi.example/oauth-service/oauth/request_token"),
                    URI.create("https://connect.example/oauthConfirm"),
                    URI.create("https://connectapi.example/oauth-service/oauth/access_token"),
                    URI.create("https://apis.example/")),
            new ProviderClient("consumer-key", new ClientSecret("consumer-secret"), ClientAuthentication.BASIC),
            ScopePolicy.requesting(List.of()),
            Pkce.NONE,
            IssuerPolicy.none());
    private static final String TOKEN = "hh5s93j4hdidpola";
    private static final String VERIFIER = "hfdp7dh39dks9884";
    private static final String SECRET = "hdhd0244k9j7ao03";

    private static Step<StateReceived> arrive(String... namesAndValues) {
        Map<String, List<String>> query = Fixtures.query(namesAndValues);
        return Received.parse("garmin-legacy", query).then(received -> received.identify(Optional.of(LEGACY)));
    }

    private static PendingAuthorization stored(Optional<Oauth1TokenSecret> secret) {
        PendingAuthorization oauth2 = Fixtures.pending("garmin-legacy", Optional.empty(), false);
        return new PendingAuthorization(
                oauth2.project(),
                oauth2.patient(),
                oauth2.provider(),
                oauth2.returnUrl(),
                oauth2.redirectOnError(),
                Optional.empty(),
                secret,
                NOW.plus(TTL));
    }

    @Test
    void the_temporary_token_keys_the_flow_and_the_grant_joins_verifier_and_stored_secret() {
        StateReceived received = ok(arrive("oauth_token", TOKEN, "oauth_verifier", VERIFIER));
        assertThat(received.key()).isEqualTo(new Oauth1Token(TOKEN));

        StateVerified verified =
                ok(received.verify(Optional.of(stored(Optional.of(new Oauth1TokenSecret(SECRET)))), NOW));

        assertThat(verified.grant())
                .isEqualTo(new Grant.Oauth1Grant(
                        new Oauth1Token(TOKEN), new Oauth1TokenSecret(SECRET), new Oauth1Verifier(VERIFIER)));
    }

    @Test
    void a_missing_token_or_verifier_is_a_missing_parameter_before_any_store_is_asked() {
        assertThat(rejection(arrive("oauth_verifier", VERIFIER)).code()).isEqualTo(RejectionCode.MISSING_PARAMETER);
        assertThat(rejection(arrive("oauth_token", TOKEN)).message()).contains("oauth_verifier");
        assertThat(rejection(arrive("state", Fixtures.state(1).value(), "code", "abc"))
                        .message())
                .contains("oauth_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth_token", "oauth_verifier"})
    void a_repeated_or_malformed_parameter_is_an_invalid_request(String name) {
        String other = name.equals("oauth_token") ? "oauth_verifier" : "oauth_token";
        assertThat(rejection(arrive(name, "a", name, "b", other, "c")).code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        assertThat(rejection(arrive(name, "with space", other, "c")).code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        assertThat(rejection(arrive(name, "x".repeat(1025), other, "c")).code())
                .isEqualTo(RejectionCode.INVALID_REQUEST);
    }

    @Test
    void an_unknown_or_used_token_is_an_invalid_state() {
        StateReceived received = ok(arrive("oauth_token", TOKEN, "oauth_verifier", VERIFIER));

        assertThat(rejection(received.verify(Optional.empty(), NOW)).code()).isEqualTo(RejectionCode.INVALID_STATE);
    }

    @Test
    void a_record_without_a_temporary_secret_never_becomes_a_grant() {
        StateReceived received = ok(arrive("oauth_token", TOKEN, "oauth_verifier", VERIFIER));

        assertThat(rejection(received.verify(Optional.of(stored(Optional.empty())), NOW))
                        .code())
                .isEqualTo(RejectionCode.PROVIDER_MISMATCH);
    }

    @Test
    void a_state_and_a_token_of_the_same_text_have_the_same_hash_but_not_the_same_namespace() {
        String text = Fixtures.state(7).value();
        Oauth1Token token = new Oauth1Token(text);

        assertThat(token.fingerprint()).isEqualTo(Fixtures.state(7).fingerprint());
        assertThat(token.namespace()).isNotEqualTo(Fixtures.state(7).namespace());
    }

    @Test
    void token_credentials_neither_refresh_nor_expire() {
        TokenSet tokens = TokenSet.oauth1(new Oauth1Token(TOKEN), new Oauth1TokenSecret(SECRET), Optional.of("u-1"));
        assertThat(tokens.accessToken()).isEqualTo(new AccessToken(TOKEN));
        assertThat(tokens.tokenSecret()).contains(new Oauth1TokenSecret(SECRET));

        assertThatThrownBy(() -> new TokenSet(
                        new AccessToken(TOKEN),
                        Optional.of(new RefreshToken("r")),
                        Optional.of(new Oauth1TokenSecret(SECRET)),
                        Optional.empty(),
                        List.of(),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_oauth1_provider_needs_its_request_token_url() {
        ProviderEndpoints withoutRequestToken = ProviderEndpoints.oauth2(
                LEGACY.endpoints().authorization(),
                LEGACY.endpoints().token(),
                LEGACY.endpoints().apiBase());

        assertThatThrownBy(() -> new ConfiguredProvider(
                        LEGACY.slug(),
                        "x",
                        OAuthVersion.OAUTH_1_0A,
                        withoutRequestToken,
                        LEGACY.client(),
                        LEGACY.scopes(),
                        Pkce.NONE,
                        IssuerPolicy.none()))
                .hasMessageContaining("request-token-url");
    }

    @Test
    void oauth1_values_do_not_print() {
        assertThat(new Oauth1Token(TOKEN) + " " + new Oauth1TokenSecret(SECRET) + " " + new Oauth1Verifier(VERIFIER))
                .doesNotContain(TOKEN)
                .doesNotContain(SECRET)
                .doesNotContain(VERIFIER);
    }
}
