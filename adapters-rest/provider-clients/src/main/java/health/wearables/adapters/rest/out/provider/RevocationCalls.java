package health.wearables.adapters.rest.out.provider;

import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer;
import health.wearables.adapters.rest.out.provider.oauth1.ClientCredentials;
import health.wearables.adapters.rest.out.provider.oauth1.TokenCredentials;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ProviderClient;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The calls a {@link Revocation} may make. Each is sent once under the token call's rules (connect timeout, overall
 * deadline, body cap, no redirects) and nothing of it is logged; how it ended is an {@link Answer}.
 */
public interface RevocationCalls {

    /**
     * A form POST. With {@code client}, our client is authenticated as the provider's token endpoint takes it
     * ({@code client_secret_basic} or {@code client_secret_post}, RFC 6749 §2.3.1), as RFC 7009 §2.1 asks.
     */
    Answer postForm(URI uri, Map<String, String> form, Optional<ProviderClient> client);

    /** A GET of the URI and nothing else (a provider that takes the token in the query). */
    Answer get(URI uri);

    /** A DELETE with the access token as bearer (RFC 6750 §2.1). */
    Answer delete(URI uri, AccessToken bearer);

    /** A DELETE signed with OAuth 1.0a token credentials (RFC 5849 §3). */
    Answer signedDelete(URI uri, ClientCredentials client, TokenCredentials token);
}
