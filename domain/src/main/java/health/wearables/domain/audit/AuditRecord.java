package health.wearables.domain.audit;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RejectionCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the audit trail: what happened ({@link AuditAction}), how it ended, when, on whose behalf (the project,
 * and the id of the API key that made the call where a call made it: never the key), to which patient and provider
 * and Endpoint where known, and a short detail in the gateway's own words. The detail is a code of the gateway (a
 * rejection code, a revocation outcome's label), checked against a narrow syntax, so that nothing a request or a
 * provider sent can reach the trail through it; no field holds a token, code, state, verifier or secret.
 *
 * <p>A refused API key names no project: it matched none. Such a record is for operators, no project sees it.
 *
 * @param endpointId the id of the connection's FHIR Endpoint, where the operation knew it without a read of its own
 */
public record AuditRecord(
        AuditAction action,
        AuditOutcome outcome,
        Instant recorded,
        Optional<ProjectId> project,
        Optional<ApiKeyId> apiKeyId,
        Optional<PatientId> patient,
        Optional<ProviderSlug> provider,
        Optional<String> endpointId,
        String detail) {

    private static final Pattern DETAIL = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern ENDPOINT_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        recorded = recorded.truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(apiKeyId, "API key id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(endpointId, "endpoint id");
        Objects.requireNonNull(detail, "detail");
        if (!DETAIL.matcher(detail).matches()) {
            throw new IllegalArgumentException("an audit detail is a code of the gateway: [a-z0-9_.-], 1 to 64");
        }
        if (endpointId.filter(id -> !ENDPOINT_ID.matcher(id).matches()).isPresent()) {
            throw new IllegalArgumentException("an Endpoint id is a FHIR id");
        }
        if (action != AuditAction.API_KEY_REFUSED && action != AuditAction.CALLBACK_REFUSED && project.isEmpty()) {
            throw new IllegalArgumentException(action + " is audited for a project");
        }
    }

    /** {@code POST /connect} answered an authorization URL. */
    public static AuditRecord connectStarted(ConnectionKey key, ApiKeyId by, Instant at) {
        return of(AuditAction.CONNECT_STARTED, AuditOutcome.SUCCESS, at, key, Optional.of(by), Optional.empty())
                .withDetail("state-issued");
    }

    /** {@code POST /connect} refused after the key was accepted; patient and provider only if they were valid. */
    public static AuditRecord connectRefused(
            ProjectId project,
            ApiKeyId by,
            Optional<PatientId> patient,
            Optional<ProviderSlug> provider,
            RejectionCode why,
            Instant at) {
        return new AuditRecord(
                AuditAction.CONNECT_REFUSED,
                AuditOutcome.REFUSED,
                at,
                Optional.of(project),
                Optional.of(by),
                patient,
                provider,
                Optional.empty(),
                code(why));
    }

    /** The callback stored the connection ({@code connected}), or holds its credentials for a retry. */
    public static AuditRecord callbackCompleted(ConnectionKey key, Optional<String> endpointId, Instant at) {
        return of(AuditAction.CALLBACK_COMPLETED, AuditOutcome.SUCCESS, at, key, Optional.empty(), endpointId)
                .withDetail(endpointId.isPresent() ? "connected" : "pending");
    }

    /**
     * The callback ended without a connection: the connection it was for once the state was verified, none before
     * (an unknown state names no project).
     */
    public static AuditRecord callbackRefused(Optional<ConnectionKey> key, RejectionCode why, Instant at) {
        return new AuditRecord(
                AuditAction.CALLBACK_REFUSED,
                AuditOutcome.REFUSED,
                at,
                key.map(ConnectionKey::project),
                Optional.empty(),
                key.map(ConnectionKey::patient),
                key.map(ConnectionKey::provider),
                Optional.empty(),
                code(why));
    }

    public static AuditRecord tokenRefreshed(ConnectionKey key, Instant at) {
        return of(AuditAction.TOKEN_REFRESHED, AuditOutcome.SUCCESS, at, key, Optional.empty(), Optional.empty())
                .withDetail("refreshed");
    }

    /** The provider refused the refresh; the connection now waits for the patient to connect again. */
    public static AuditRecord refreshRefused(ConnectionKey key, Instant at) {
        return of(AuditAction.REFRESH_REFUSED, AuditOutcome.REFUSED, at, key, Optional.empty(), Optional.empty())
                .withDetail("reauth-required");
    }

    /**
     * The platform ended the connection; {@code revocation} is what asking the provider came to ({@code revoked},
     * {@code not_offered}, {@code failed}: a failed revocation is asked again later, the end has happened).
     */
    public static AuditRecord revoked(
            ConnectionKey key, ApiKeyId by, Optional<String> endpointId, String revocation, Instant at) {
        AuditOutcome outcome = "failed".equals(revocation) ? AuditOutcome.FAILED : AuditOutcome.SUCCESS;
        return of(AuditAction.REVOKED, outcome, at, key, Optional.of(by), endpointId)
                .withDetail(revocation);
    }

    public static AuditRecord deauthorized(ConnectionKey key, String endpointId, Instant at) {
        return of(AuditAction.DEAUTHORIZED, AuditOutcome.SUCCESS, at, key, Optional.empty(), Optional.of(endpointId))
                .withDetail("deauthorized");
    }

    /** A sync was queued for the connection ({@code queued}), or refused ({@code not-active}). */
    public static AuditRecord syncRequested(
            ConnectionKey key, ApiKeyId by, String endpointId, boolean queued, Instant at) {
        return of(
                        AuditAction.SYNC_REQUESTED,
                        queued ? AuditOutcome.SUCCESS : AuditOutcome.REFUSED,
                        at,
                        key,
                        Optional.of(by),
                        Optional.of(endpointId))
                .withDetail(queued ? "queued" : "not-active");
    }

    /** A sync was asked of a connection the project does not have. */
    public static AuditRecord syncOfNoConnection(ProjectId project, ApiKeyId by, Instant at) {
        return new AuditRecord(
                AuditAction.SYNC_REQUESTED,
                AuditOutcome.REFUSED,
                at,
                Optional.of(project),
                Optional.of(by),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "not-found");
    }

    /** A project call without a key ({@code missing}), or with one that matches no project ({@code unknown}). */
    public static AuditRecord apiKeyRefused(Optional<ApiKeyId> presented, Instant at) {
        return new AuditRecord(
                AuditAction.API_KEY_REFUSED,
                AuditOutcome.REFUSED,
                at,
                Optional.empty(),
                presented,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                presented.isPresent() ? "unknown-key" : "missing-key");
    }

    private static AuditRecord of(
            AuditAction action,
            AuditOutcome outcome,
            Instant at,
            ConnectionKey key,
            Optional<ApiKeyId> by,
            Optional<String> endpointId) {
        return new AuditRecord(
                action,
                outcome,
                at,
                Optional.of(key.project()),
                by,
                Optional.of(key.patient()),
                Optional.of(key.provider()),
                endpointId,
                action.code());
    }

    private AuditRecord withDetail(String detail) {
        return new AuditRecord(action, outcome, recorded, project, apiKeyId, patient, provider, endpointId, detail);
    }

    /** A rejection code as a detail: {@code INVALID_STATE} is {@code invalid_state}. */
    private static String code(RejectionCode code) {
        return code.name().toLowerCase(Locale.ROOT);
    }
}
