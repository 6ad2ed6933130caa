package health.wearables.adapters.rest.out.provider.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.TokenEndpointLimits;
import health.wearables.application.port.out.Oauth1Provider.Issued;
import health.wearables.application.port.out.Oauth1Provider.NotIssued;
import health.wearables.application.port.out.Oauth1Provider.TemporaryCredentialsResult;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Oauth1Verifier;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ScopePolicy;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.Grant;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code Oauth1Provider} port against the simulator, which checks every signature its own way. */
class HttpOauth1ProviderTest {
    private static final String CONSUMER_KEY = "gateway-consumer";
    private static final String CONSUMER_SECRET = "consumer secret/with+reserved=chars";
    private static final URI CALLBACK = URI.create("https://gateway.example/v1/wearables/garmin-legacy/callback");

    private Oauth1ProviderSimulator simulator;
    private HttpOauth1Provider port;
    private ConfiguredProvider provider;

    @BeforeEach
    void start() {
        simulator = Oauth1ProviderSimulator.start(CONSUMER_KEY, CONSUMER_SECRET);
        port = new HttpOauth1Provider(
                new HttpOauth1Client(
                        new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 64 * 1024),
                        new Oauth1Signer(Clock.systemUTC(), NonceSource.secure(new SecureRandom()))),
                slug -> Oauth1FollowUp.NONE);
        provider = new ConfiguredProvider(
                new ProviderSlug("garmin-legacy"),
                "Garmin (legacy)",
                OAuthVersion.OAUTH_1_0A,
                ProviderEndpoints.oauth1(
                        simulator.uri(Oauth1ProviderSimulator.INITIATE),
                        URI.create(simulator.uri(Oauth1ProviderSimulator.AUTHORIZE) + "?lang=en"),
                        simulator.uri(Oauth1ProviderSimulator.TOKEN),
                        simulator.uri("/")),
                new ProviderClient(CONSUMER_KEY, new ClientSecret(CONSUMER_SECRET), ClientAuthentication.BASIC),
                ScopePolicy.requesting(List.of()),
                Pkce.NONE,
                IssuerPolicy.none());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Issued issued() {
        TemporaryCredentialsResult result = port.temporaryCredentials(provider, CALLBACK);
        assertThat(result).isInstanceOf(Issued.class);
        return (Issued) result;
    }

    @Test
    void temporary_credentials_come_with_the_authorization_url_carrying_their_token() {
        Issued issued = issued();

        assertThat(issued.authorizationUrl().toString())
                .isEqualTo(simulator.uri(Oauth1ProviderSimulator.AUTHORIZE) + "?lang=en&oauth_token="
                        + issued.token().value());
        assertThat(simulator.signaturesVerified()).isEqualTo(1);
        assertThat(simulator.calls(Oauth1ProviderSimulator.INITIATE)).isEqualTo(1);
    }

    @Test
    void an_unconfirmed_callback_gives_no_temporary_credentials() {
        simulator.confirmCallbackAs(null);

        assertThat(port.temporaryCredentials(provider, CALLBACK)).isInstanceOf(NotIssued.class);
        assertThat(simulator.calls(Oauth1ProviderSimulator.INITIATE)).isEqualTo(1);
    }

    @Test
    void the_verifier_and_the_temporary_secret_give_token_credentials_once() {
        Issued issued = issued();
        Grant.Oauth1Grant grant = new Grant.Oauth1Grant(
                issued.token(),
                issued.secret(),
                new Oauth1Verifier(simulator.approve(issued.token().value())));

        ExchangeResult result = port.tokenCredentials(provider, grant);

        assertThat(result).isInstanceOfSatisfying(ExchangeResult.Exchanged.class, exchanged -> {
            TokenSet tokens = exchanged.tokens();
            assertThat(simulator.issued(
                            tokens.accessToken().value(),
                            tokens.tokenSecret().orElseThrow().value()))
                    .isTrue();
            assertThat(tokens.refreshToken()).isEmpty();
            assertThat(tokens.accessTokenExpiresAt()).isEmpty();
        });
        assertThat(port.tokenCredentials(provider, grant)).isInstanceOf(ExchangeResult.Refused.class);
        assertThat(simulator.signaturesRejected()).isZero();
        assertThat(simulator.calls(Oauth1ProviderSimulator.TOKEN)).isEqualTo(2);
    }

    @Test
    void a_wrong_verifier_is_refused() {
        Issued issued = issued();
        simulator.approve(issued.token().value());

        assertThat(port.tokenCredentials(
                        provider,
                        new Grant.Oauth1Grant(issued.token(), issued.secret(), new Oauth1Verifier("not-the-verifier"))))
                .isInstanceOf(ExchangeResult.Refused.class);
    }

    @Test
    void an_unreachable_provider_fails_without_an_exception() {
        simulator.close();

        assertThat(port.temporaryCredentials(provider, CALLBACK)).isInstanceOf(NotIssued.class);
    }
}
