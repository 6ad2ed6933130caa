package health.wearables.adapters.rest.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer;
import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer.Answered;
import health.wearables.adapters.rest.out.provider.oauth1.ClientCredentials;
import health.wearables.adapters.rest.out.provider.oauth1.TokenCredentials;
import health.wearables.domain.AccessToken;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome.Revoked;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a built-in provider's documented configuration revokes a grant: its revocation runs against a recorder
 * standing in for the network, so the documented absolute URL is checked without a call leaving the machine.
 */
final class DocumentedRevocations implements RevocationCalls {
    private final List<String> called = new ArrayList<>();

    private DocumentedRevocations() {}

    /** With its documented defaults, the provider's revocation sends one request, to {@code url}. */
    static void assertRevokesAt(BuiltInProvider defaults, TokenSet tokens, String url) {
        DocumentedRevocations recorder = new DocumentedRevocations();

        assertThat(DocumentedBuiltInProviders.standard()
                        .quirks(new ProviderSlug(defaults.slug()))
                        .revocation()
                        .revoke(
                                defaults.configured("client", new ClientSecret("secret")),
                                tokens,
                                recorder,
                                SimulatorTest.NOW))
                .isEqualTo(new Revoked());
        assertThat(recorder.called).as(defaults.slug()).containsExactly(url);
    }

    /** The same with OAuth 2.0 tokens of Polar's user 10201. */
    static void assertRevokesAt(BuiltInProvider defaults, String url) {
        assertRevokesAt(
                defaults,
                SimulatedProviderTest.tokens("access", Optional.of("refresh")).withProviderUserId(Optional.of("10201")),
                url);
    }

    private Answer called(URI uri) {
        called.add(uri.toString());
        return new Answered(200, new byte[0]);
    }

    @Override
    public Answer postForm(URI uri, Map<String, String> form, Optional<ProviderClient> client) {
        return called(uri);
    }

    @Override
    public Answer get(URI uri) {
        return called(uri);
    }

    @Override
    public Answer delete(URI uri, AccessToken bearer) {
        return called(uri);
    }

    @Override
    public Answer signedDelete(URI uri, ClientCredentials client, TokenCredentials token) {
        return called(uri);
    }
}
