package health.wearables.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code /connect} remembers under the state until the patient comes back: who is connecting what, where to send
 * them afterwards, and the PKCE verifier (which only ever comes from here, never from the request).
 */
public record PendingAuthorization(
        ProjectId project,
        PatientId patient,
        ProviderSlug provider,
        Optional<ReturnUrl> returnUrl,
        boolean redirectOnError,
        Optional<PkceVerifier> pkceVerifier,
        Instant expiresAt) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public ConnectionKey connectionKey() {
        return new ConnectionKey(project, patient, provider);
    }
}
