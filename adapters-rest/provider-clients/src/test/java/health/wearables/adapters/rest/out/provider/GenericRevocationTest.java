package health.wearables.adapters.rest.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.ProviderSimulator.TokenIn;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome.NotOffered;
import health.wearables.domain.lifecycle.RevocationOutcome.Revoked;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A provider without built-in quirks: RFC 7009 where a revocation URL is configured, else nothing to call. */
class GenericRevocationTest extends SimulatorTest {

    private ConfiguredProvider generic(ClientAuthentication authentication, Optional<URI> revocation) {
        ConfiguredProvider provider = TestProviders.simulated(simulator, authentication);
        ProviderEndpoints endpoints = provider.endpoints();
        return new ConfiguredProvider(
                provider.slug(),
                provider.displayName(),
                provider.oauthVersion(),
                revocation.map(endpoints::withRevocation).orElse(endpoints),
                provider.client(),
                provider.scopes(),
                provider.pkce(),
                provider.issuer());
    }

    @Test
    void without_a_revocation_url_none_is_offered_and_nothing_is_sent() {
        assertThat(SimulatedProviderTest.revoke(
                        generic(ClientAuthentication.BASIC, Optional.empty()),
                        SimulatedProviderTest.tokens("acme-access", Optional.of("acme-refresh")),
                        LIMITS))
                .isEqualTo(new NotOffered());
        assertThat(simulator.tokenCalls() + simulator.otherCalls()).isZero();
    }

    @Test
    void with_one_it_is_rfc_7009_there_with_the_configured_client_authentication() {
        simulator.answer("/revoke", simulator.revocation(TokenIn.FORM_TOKEN, 200, 200));

        assertThat(SimulatedProviderTest.revoke(
                        generic(
                                ClientAuthentication.POST,
                                Optional.of(simulator.baseUri().resolve("/revoke"))),
                        SimulatedProviderTest.tokens("acme-access", Optional.of("acme-refresh")),
                        LIMITS))
                .isEqualTo(new Revoked());

        var request = simulator.requests("/revoke").get(0);
        assertThat(request.form())
                .containsEntry("token", "acme-refresh")
                .containsEntry("token_type_hint", "refresh_token");
        SimulatedProviderTest.assertBodyClientAuthentication(request);
    }

    @Test
    void an_oauth1_grant_has_no_rfc_7009_revocation() {
        simulator.answer("/revoke", simulator.revocation(TokenIn.FORM_TOKEN, 200, 200));
        ConfiguredProvider provider = generic(ClientAuthentication.BASIC, Optional.empty());
        ConfiguredProvider oauth1 = new ConfiguredProvider(
                provider.slug(),
                provider.displayName(),
                OAuthVersion.OAUTH_1_0A,
                ProviderEndpoints.oauth1(
                                simulator.baseUri().resolve("/request_token"),
                                provider.endpoints().authorization(),
                                provider.endpoints().token(),
                                provider.endpoints().apiBase())
                        .withRevocation(simulator.baseUri().resolve("/revoke")),
                provider.client(),
                provider.scopes(),
                Pkce.NONE,
                provider.issuer());

        assertThat(SimulatedProviderTest.revoke(
                        oauth1,
                        TokenSet.oauth1(new Oauth1Token("token"), new Oauth1TokenSecret("secret"), Optional.empty()),
                        LIMITS))
                .isEqualTo(new NotOffered());
        assertThat(simulator.requests("/revoke")).isEmpty();
    }
}
