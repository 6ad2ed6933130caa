package health.wearables.adapters.rest.out.provider;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import health.wearables.application.port.out.TokenRefresh;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.callback.ExchangeResult;
import java.lang.System.Logger;
import java.time.Clock;
import java.util.Objects;

/**
 * Asks the provider's token endpoint for new tokens with a refresh token (RFC 6749 §6): the same call as
 * {@link HttpTokenExchange} ({@link TokenEndpoint}: Nimbus request, the provider's client authentication and extra
 * form fields, sent once under the same deadline, body cap and no redirects, read by the same reader), with
 * {@code grant_type=refresh_token}. It is never retried: a rotating refresh token works once.
 *
 * <p>The provider's own way of refusing a refresh token comes out as {@code invalid_grant} (its quirks'
 * {@link ProviderQuirks#unwrapRefresh}); other OAuth errors are refusals with their code; 5xx, 429, a timeout, a
 * malformed or oversized body are failures with our own reason. An answer without a refresh token is a token set
 * without one (the caller keeps the stored one). No follow-up call is made: that belongs to the first exchange.
 *
 * <p>Logs name the provider and our own reason, never the body, a token or the client secret.
 */
public final class HttpTokenRefresh implements TokenRefresh {
    private static final Logger LOG = System.getLogger(HttpTokenRefresh.class.getName());

    private final TokenEndpoint tokenEndpoint;
    private final DocumentedBuiltInProviders providers;

    public HttpTokenRefresh(TokenEndpointLimits limits, Clock clock) {
        this(limits, clock, DocumentedBuiltInProviders.standard());
    }

    /** With the given providers' quirks, looked up by slug; any other slug is plain OAuth 2.0. */
    public HttpTokenRefresh(TokenEndpointLimits limits, Clock clock, DocumentedBuiltInProviders providers) {
        this.tokenEndpoint = new TokenEndpoint(new ProviderTransport(limits), clock);
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public ExchangeResult refresh(ConfiguredProvider provider, RefreshToken refreshToken) {
        ProviderQuirks quirks = providers.quirks(provider.slug());
        RefreshTokenGrant grant =
                new RefreshTokenGrant(new com.nimbusds.oauth2.sdk.token.RefreshToken(refreshToken.value()));
        ExchangeResult result = tokenEndpoint.call(provider, quirks, grant, quirks::unwrapRefresh);
        TokenEndpoint.log(LOG, provider, result, "token refresh", "the refresh token");
        return result;
    }
}
