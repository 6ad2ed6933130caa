package health.wearables.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code /connect} remembers under the state (OAuth 1.0a: under the temporary {@code oauth_token}) until the
 * patient comes back: who is connecting what, where to send them afterwards, and the secrets that only ever come from
 * here, never from the request: the PKCE verifier (OAuth 2.0) or the temporary credentials' secret (OAuth 1.0a).
 * {@code fromConnectPage} is set when the patient chose the provider on the gateway's connect page: without a return
 * URL the callback then ends on a page for the patient instead of JSON for a platform.
 */
public record PendingAuthorization(
        ProjectId project,
        PatientId patient,
        ProviderSlug provider,
        Optional<ReturnUrl> returnUrl,
        boolean redirectOnError,
        Optional<PkceVerifier> pkceVerifier,
        Optional<Oauth1TokenSecret> temporarySecret,
        Instant expiresAt,
        boolean fromConnectPage) {

    /** Started by a platform's {@code /connect} call, not on the connect page. */
    public PendingAuthorization(
            ProjectId project,
            PatientId patient,
            ProviderSlug provider,
            Optional<ReturnUrl> returnUrl,
            boolean redirectOnError,
            Optional<PkceVerifier> pkceVerifier,
            Optional<Oauth1TokenSecret> temporarySecret,
            Instant expiresAt) {
        this(project, patient, provider, returnUrl, redirectOnError, pkceVerifier, temporarySecret, expiresAt, false);
    }

    /** An OAuth 2.0 authorization: no temporary secret. */
    public PendingAuthorization(
            ProjectId project,
            PatientId patient,
            ProviderSlug provider,
            Optional<ReturnUrl> returnUrl,
            boolean redirectOnError,
            Optional<PkceVerifier> pkceVerifier,
            Instant expiresAt) {
        this(project, patient, provider, returnUrl, redirectOnError, pkceVerifier, Optional.empty(), expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public ConnectionKey connectionKey() {
        return new ConnectionKey(project, patient, provider);
    }
}
