package health.wearables.domain;

import health.wearables.domain.connect.ConnectSession;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The start of a connection: from a project's request to a minted state and the record stored under it. Pure: the
 * random source and the time are passed in.
 */
public record Connecting(
        Project project,
        ConfiguredProvider provider,
        PatientId patient,
        Optional<ReturnUrl> returnUrl,
        boolean redirectOnError,
        boolean fromConnectPage) {

    /** Validates the platform's request against the project; the messages are safe to show to the platform. */
    public static Step<Connecting> request(
            Project project,
            ConfiguredProvider provider,
            String patientId,
            String redirectUri,
            boolean redirectOnError) {
        return patient(patientId)
                .then(patient -> returnUrl(project, redirectUri).then(returnUrl -> {
                    if (redirectOnError && returnUrl.isEmpty()) {
                        return invalid("redirectOnError needs a redirectUri.");
                    }
                    return Step.ok(new Connecting(project, provider, patient, returnUrl, redirectOnError, false));
                }));
    }

    /** The platform's patient id, or the rule it breaks (safe to show to the platform). */
    public static Step<PatientId> patient(String patientId) {
        try {
            return Step.ok(new PatientId(patientId));
        } catch (IllegalArgumentException e) {
            return invalid("patientId must be 1-64 characters of A-Z, a-z, 0-9, '-' and '.'.");
        }
    }

    /** The platform's {@code redirectUri} if it gave one, checked against the project's allow-list. */
    public static Step<Optional<ReturnUrl>> returnUrl(Project project, String redirectUri) {
        if (redirectUri == null) {
            return Step.ok(Optional.empty());
        }
        ReturnUrl returnUrl;
        try {
            returnUrl = ReturnUrl.parse(redirectUri);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage() + ".");
        }
        if (!project.allows(returnUrl)) {
            return invalid("redirectUri is not under any of the project's allowed redirect prefixes.");
        }
        return Step.ok(Optional.of(returnUrl));
    }

    /**
     * The patient chose {@code provider} on the connect page of {@code session}, which was validated against the
     * project when it was opened. With a return URL every outcome goes back to it (errors too, as
     * {@code redirectOnError} would send them); without one the callback ends on a page for the patient.
     */
    public static Connecting onConnectPage(Project project, ConfiguredProvider provider, ConnectSession session) {
        if (!project.id().equals(session.project())) {
            throw new IllegalArgumentException("the session belongs to another project");
        }
        return new Connecting(
                project,
                provider,
                session.patient(),
                session.returnUrl(),
                session.returnUrl().isPresent(),
                true);
    }

    private static <T> Step<T> invalid(String message) {
        return Step.reject(Rejection.of(RejectionCode.VALIDATION_FAILED, message));
    }

    /** Mints the state (and the PKCE verifier where the provider uses PKCE) and the record to store under it. */
    public Minted mint(RandomGenerator random, Instant now, Duration ttl) {
        StateToken state = StateToken.mint(random);
        Optional<PkceVerifier> verifier = provider.pkce().mint(random);
        PendingAuthorization pending = new PendingAuthorization(
                project.id(),
                patient,
                provider.slug(),
                returnUrl,
                redirectOnError,
                verifier,
                Optional.empty(),
                now.plus(ttl),
                fromConnectPage);
        return new Minted(state, pending);
    }

    /**
     * The record of an OAuth 1.0a authorization, stored under the temporary credentials' {@code oauth_token}: it keeps
     * their secret, which signs the token request when the patient comes back with the verifier.
     */
    public PendingAuthorization pendingOauth1(Oauth1TokenSecret temporarySecret, Instant now, Duration ttl) {
        return new PendingAuthorization(
                project.id(),
                patient,
                provider.slug(),
                returnUrl,
                redirectOnError,
                Optional.empty(),
                Optional.of(temporarySecret),
                now.plus(ttl),
                fromConnectPage);
    }

    /** A state and the record it stands for. */
    public record Minted(StateToken state, PendingAuthorization pending) {}

    /** What {@code /connect} answers. */
    public record Started(URI authorizationUrl, Instant expiresAt) {}
}
