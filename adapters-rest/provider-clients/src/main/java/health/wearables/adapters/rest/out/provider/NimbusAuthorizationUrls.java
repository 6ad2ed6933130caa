package health.wearables.adapters.rest.out.provider;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.StateToken;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorization request URL of RFC 6749 §4.1.1, with the S256 challenge of RFC 7636 §4.3 when a verifier is
 * given, bent to the provider's {@link ProviderQuirks} (scope separator, extra parameters). Nimbus encodes the
 * parameters; a query already in the configured authorization URL is kept as it is, and
 * the request parameters are appended to it.
 */
public final class NimbusAuthorizationUrls implements AuthorizationUrls {
    private final DocumentedBuiltInProviders providers;

    public NimbusAuthorizationUrls() {
        this(DocumentedBuiltInProviders.standard());
    }

    /** With the given providers' quirks (scope separator, extra parameters), looked up by slug. */
    public NimbusAuthorizationUrls(DocumentedBuiltInProviders providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public URI authorizationUrl(
            ConfiguredProvider provider, StateToken state, Optional<PkceVerifier> verifier, URI redirectUri) {
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE),
                        new ClientID(provider.client().id()))
                .redirectionURI(redirectUri)
                .state(new State(state.value()));
        ProviderQuirks quirks = providers.quirks(provider.slug());
        if (!provider.scopes().requested().isEmpty() && " ".equals(quirks.scopeSeparator())) {
            request.scope(new Scope(provider.scopes().requested().toArray(String[]::new)));
        } else if (!provider.scopes().requested().isEmpty()) {
            request.customParameter(
                    "scope",
                    String.join(quirks.scopeSeparator(), provider.scopes().requested()));
        }
        quirks.authorizationParameters().forEach(request::customParameter);
        verifier.ifPresent(v -> request.codeChallenge(new CodeVerifier(v.value()), CodeChallengeMethod.S256));
        return appendQuery(provider.endpoints().authorization(), request.build().toQueryString());
    }

    /** Appends to the URL's own query, verbatim; a fragment is dropped (RFC 6749 §3.1 forbids one). */
    private static URI appendQuery(URI endpoint, String query) {
        String base = endpoint.toString();
        int fragment = base.indexOf('#');
        if (fragment >= 0) {
            base = base.substring(0, fragment);
        }
        String separator;
        if (endpoint.getRawQuery() == null) {
            separator = "?";
        } else {
            separator = base.endsWith("?") || base.endsWith("&") ? "" : "&";
        }
        return URI.create(base + separator + query);
    }
}
