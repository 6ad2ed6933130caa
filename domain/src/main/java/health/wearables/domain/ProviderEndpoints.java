package health.wearables.domain;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a provider is reached: where the patient approves, where the grant is redeemed, and the base of its API (for
 * the calls some providers need right after the exchange). An OAuth 1.0a provider also has the URL of its temporary
 * credentials (RFC 5849 §2.1), and then {@code token} is its access-token URL. A provider may also name where a grant
 * is revoked when a patient disconnects.
 *
 * @param requestToken OAuth 1.0a only: where temporary credentials are requested
 * @param revocation   where the grant is revoked, when configured; a built-in provider whose documented revocation has
 *                     a fixed place relative to its token URL or API base needs none (it is found from those, so a
 *                     sandbox configuration never revokes at the production host)
 */
public record ProviderEndpoints(
        URI authorization, URI token, URI apiBase, Optional<URI> requestToken, Optional<URI> revocation) {

    public ProviderEndpoints {
        Objects.requireNonNull(authorization, "authorization URL");
        Objects.requireNonNull(token, "token URL");
        Objects.requireNonNull(apiBase, "API base URL");
        Objects.requireNonNull(requestToken, "request-token URL");
        Objects.requireNonNull(revocation, "revocation URL");
    }

    /** An OAuth 2.0 provider's endpoints, without a revocation URL. */
    public static ProviderEndpoints oauth2(URI authorization, URI token, URI apiBase) {
        return new ProviderEndpoints(authorization, token, apiBase, Optional.empty(), Optional.empty());
    }

    /**
     * An OAuth 1.0a provider's endpoints: temporary credentials, the patient's approval, token credentials; no
     * revocation URL.
     */
    public static ProviderEndpoints oauth1(URI requestToken, URI authorization, URI accessToken, URI apiBase) {
        return new ProviderEndpoints(authorization, accessToken, apiBase, Optional.of(requestToken), Optional.empty());
    }

    /** The same endpoints, with grants revoked at {@code revocationUrl}. */
    public ProviderEndpoints withRevocation(URI revocationUrl) {
        return new ProviderEndpoints(
                authorization,
                token,
                apiBase,
                requestToken,
                Optional.of(Objects.requireNonNull(revocationUrl, "revocation URL")));
    }
}
