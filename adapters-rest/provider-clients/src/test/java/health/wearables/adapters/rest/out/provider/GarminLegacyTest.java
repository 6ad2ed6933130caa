package health.wearables.adapters.rest.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.oauth1.HttpOauth1Client;
import health.wearables.adapters.rest.out.provider.oauth1.HttpOauth1Provider;
import health.wearables.adapters.rest.out.provider.oauth1.NonceSource;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1ProviderSimulator;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Signer;
import health.wearables.application.port.out.Oauth1Provider.Issued;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Oauth1Verifier;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.Grant;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Garmin's legacy OAuth 1.0a flow against the simulator: token credentials, then the user id, signed with them. */
class GarminLegacyTest {
    private static final String CONSUMER_KEY = "garmin-consumer";
    private static final String CONSUMER_SECRET = "garmin-consumer-secret";

    private Oauth1ProviderSimulator garmin;
    private HttpOauth1Provider port;
    private ConfiguredProvider provider;

    @BeforeEach
    void start() {
        garmin = Oauth1ProviderSimulator.start(CONSUMER_KEY, CONSUMER_SECRET);
        port = new HttpOauth1Provider(
                new HttpOauth1Client(
                        new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 64 * 1024),
                        new Oauth1Signer(Clock.systemUTC(), NonceSource.secure(new SecureRandom()))),
                DocumentedBuiltInProviders.standard()::oauth1FollowUp);
        ConfiguredProvider defaults = DocumentedBuiltInProviders.standard()
                .find(new ProviderSlug("garmin-legacy"))
                .orElseThrow()
                .configured(CONSUMER_KEY, new ClientSecret(CONSUMER_SECRET));
        provider = new ConfiguredProvider(
                defaults.slug(),
                defaults.displayName(),
                defaults.oauthVersion(),
                ProviderEndpoints.oauth1(
                        garmin.uri(Oauth1ProviderSimulator.INITIATE),
                        garmin.uri(Oauth1ProviderSimulator.AUTHORIZE),
                        garmin.uri(Oauth1ProviderSimulator.TOKEN),
                        garmin.uri("/")),
                defaults.client(),
                defaults.scopes(),
                defaults.pkce(),
                defaults.issuer());
    }

    @AfterEach
    void stop() {
        garmin.close();
    }

    private ExchangeResult approvedAndExchanged() {
        Issued issued = (Issued) port.temporaryCredentials(provider, URI.create("https://gateway.example/cb"));
        return port.tokenCredentials(
                provider,
                new Grant.Oauth1Grant(
                        issued.token(),
                        issued.secret(),
                        new Oauth1Verifier(garmin.approve(issued.token().value()))));
    }

    @Test
    void the_user_id_is_read_with_the_new_token_credentials_and_recorded() {
        ExchangeResult result = approvedAndExchanged();

        assertThat(result).isInstanceOfSatisfying(ExchangeResult.Exchanged.class, exchanged -> {
            String token = exchanged.tokens().accessToken().value();
            assertThat(exchanged.tokens().providerUserId()).contains(garmin.userIdOf(token));
            assertThat(exchanged.tokens().tokenSecret()).isPresent();
        });
        assertThat(garmin.calls(Oauth1ProviderSimulator.USER_ID)).isEqualTo(1);
        assertThat(garmin.signaturesRejected()).isZero();
    }

    @Test
    void the_grant_is_revoked_by_a_signed_delete_of_the_registration_and_the_token_stops_working() {
        ExchangeResult.Exchanged exchanged = (ExchangeResult.Exchanged) approvedAndExchanged();
        int verified = garmin.signaturesVerified();
        HttpRevocations revocations = new HttpRevocations(
                new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 64 * 1024),
                Clock.systemUTC(),
                new Oauth1Signer(Clock.systemUTC(), NonceSource.secure(new SecureRandom())),
                DocumentedBuiltInProviders.standard());

        assertThat(revocations.revoke(provider, exchanged.tokens())).isEqualTo(new RevocationOutcome.Revoked());

        assertThat(garmin.calls(Oauth1ProviderSimulator.REGISTRATION)).isEqualTo(1);
        assertThat(garmin.signaturesVerified()).isEqualTo(verified + 1);
        assertThat(garmin.signaturesRejected()).isZero();
        assertThat(garmin.deregistered())
                .containsExactly(exchanged.tokens().accessToken().value());
        assertThat(revocations.revoke(provider, exchanged.tokens()))
                .as("a second DELETE is 401: the token is already gone")
                .isEqualTo(new RevocationOutcome.Revoked());
    }

    @Test
    void a_grant_without_its_token_secret_cannot_be_signed() {
        ExchangeResult.Exchanged exchanged = (ExchangeResult.Exchanged) approvedAndExchanged();
        TokenSet withoutSecret = new TokenSet(
                exchanged.tokens().accessToken(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                exchanged.tokens().providerUserId());

        assertThat(new HttpRevocations(TokenEndpointLimits.DEFAULTS, Clock.systemUTC()).revoke(provider, withoutSecret))
                .isEqualTo(
                        new RevocationOutcome.Failed("OAuth 1.0a grant without its token secret: cannot sign", false));
        assertThat(garmin.calls(Oauth1ProviderSimulator.REGISTRATION)).isZero();
    }

    @Test
    void without_a_user_id_the_exchange_fails() {
        garmin.answer(Oauth1ProviderSimulator.USER_ID, Oauth1ProviderSimulator.Canned.body(500, "text/plain", "down"));

        assertThat(approvedAndExchanged()).isInstanceOf(ExchangeResult.Failed.class);
        assertThat(garmin.calls(Oauth1ProviderSimulator.USER_ID)).isEqualTo(1);
    }

    @Test
    void an_answer_without_a_user_id_fails_the_exchange() throws IOException {
        garmin.answer(
                Oauth1ProviderSimulator.USER_ID,
                Oauth1ProviderSimulator.Canned.body(200, "application/json", "{\"id\":\"not-the-field\"}"));

        assertThat(approvedAndExchanged()).isInstanceOf(ExchangeResult.Failed.class);
    }
}
