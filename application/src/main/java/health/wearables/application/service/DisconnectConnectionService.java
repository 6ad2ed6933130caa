package health.wearables.application.service;

import health.wearables.application.port.in.DisconnectConnection;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.ConnectionEnding.AlreadyEnded;
import health.wearables.application.port.out.ConnectionEnding.Ended;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.PendingRevocations;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.Step;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.events.PlatformEvent;
import health.wearables.domain.lifecycle.EndReason;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Disconnects a connection. Its credentials are parked for revocation <em>before</em> the store drops them, so a
 * revocation is owed even if this instance dies right after the end; then the connection ends (its token material gone
 * from every version); then the provider is asked once, now (its answer settles the parked record, or it is asked
 * again by the retry pass): a provider that fails never holds up the end, which has happened by then. A connection
 * already ended parks nothing and asks nothing: a second {@code DELETE} sends nothing to the provider. An end is
 * audited ({@code revoked}, with what the provider's revocation came to: {@code revoked}, {@code not_offered},
 * {@code failed}, or {@code not_asked} when there was no token to revoke) after it has happened; a second
 * {@code DELETE} changes nothing and is not audited.
 */
public final class DisconnectConnectionService implements DisconnectConnection {
    private final Reporting reporting;
    private final ProjectDirectory projects;
    private final StoredCredentials credentials;
    private final ConnectionEnding ending;
    private final PendingRevocations pending;
    private final Revoking revoking;
    private final Clock clock;
    private final AuditTrail audits;

    public DisconnectConnectionService(
            ProjectDirectory projects,
            StoredCredentials credentials,
            ConnectionEnding ending,
            PendingRevocations pending,
            RevocationSettings settings,
            Clock clock,
            Reporting reporting,
            AuditTrail audits) {
        this.audits = audits;
        this.reporting = reporting;
        this.projects = projects;
        this.credentials = credentials;
        this.ending = ending;
        this.pending = pending;
        this.revoking = settings.revoking(pending, clock);
        this.clock = clock;
    }

    @Override
    public Step<Disconnected> disconnect(Optional<ApiKey> apiKey, String provider, String patientId, boolean purge) {
        return Authentication.of(projects, apiKey, audits, clock)
                .then(project -> Step.ok(key(project.id(), provider, patientId)
                        .map(key -> disconnected(key, ApiKeyId.of(apiKey.orElseThrow()), purge))
                        .orElse(Disconnected.NOT_FOUND)));
    }

    private Disconnected disconnected(ConnectionKey key, ApiKeyId by, boolean purge) {
        try {
            Optional<SealedCredentials> held = credentials.find(key);
            held.ifPresent(this::park);
            ConnectionEnding.Ending ending = reporting.step(
                    () -> this.ending.end(key, EndReason.DISCONNECTED),
                    (ended, id) -> ended instanceof Ended
                            ? Optional.of(PlatformEvent.revoked(id, key, EndReason.DISCONNECTED, clock.instant()))
                            : Optional.<PlatformEvent>empty());
            if (ending instanceof Ended ended) {
                ended.removed()
                        .filter(removed -> !held.equals(Optional.of(removed)))
                        .ifPresent(this::park);
                String revocation = ended.removed()
                        .map(removed -> revoking.ask(new PendingRevocations.Parked(removed, clock.instant(), 0))
                                .label())
                        .orElse("not_asked");
                Auditing.record(
                        audits,
                        AuditRecord.revoked(key, by, Optional.of(ended.endpointId()), revocation, clock.instant()));
            } else if (held.isPresent()) {
                forget(key);
            }
            if (ending instanceof ConnectionEnding.NotFound) {
                return Disconnected.NOT_FOUND;
            }
            if (purge) {
                this.ending.purge(key);
            }
            return ending instanceof AlreadyEnded ? Disconnected.ALREADY_ENDED : Disconnected.ENDED;
        } catch (ConnectionStoreUnavailable e) {
            throw new Unavailable.ConnectionStore(e.getMessage(), e);
        }
    }

    /**
     * Parks the credentials due only {@link Revoking#FIRST_RETRY} from now: this disconnect asks the provider itself
     * in a moment, so a pass must not ask too (every instance passes every {@code wearables.recovery.interval}
     * seconds, and a pass that read the record as due before this ask settled it asked the provider a second time,
     * even after the revocation; seen in the acceptance run). A pass asks only if this instance died before its ask.
     */
    private void park(SealedCredentials held) {
        try {
            Instant now = clock.instant();
            pending.park(held, now, now.plus(Revoking.FIRST_RETRY));
        } catch (LeaseUnavailable e) {
            throw new Unavailable.RevocationStore(e.getMessage(), e);
        }
    }

    /** A parked record of a connection that turned out not to need one (ended meanwhile by someone else). */
    private void forget(ConnectionKey key) {
        try {
            pending.drop(key);
        } catch (LeaseUnavailable e) {
            // It comes due, and the provider is asked to revoke a grant already gone: harmless (RFC 7009 §2.2).
        }
    }

    static Optional<ConnectionKey> key(ProjectId project, String provider, String patientId) {
        Optional<ProviderSlug> slug = ProviderSlug.parse(provider);
        if (slug.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConnectionKey(project, new PatientId(patientId), slug.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
