package health.wearables.application.service;

import health.wearables.application.port.in.ReceiveNotification;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.ProviderNotifications;
import health.wearables.application.port.out.SeenNotifications;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.events.PlatformEvent;
import health.wearables.domain.lifecycle.EndReason;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * Acts on a verified provider notification: each notice is about a provider user, whose connections (of this provider
 * only) are found by the user id the exchange recorded. A deauthorization ends those that have not ended (nothing is
 * revoked at the provider: the patient already did); a data notification queues a sync of those that are active.
 * Nothing is said about who was found: the answer is the verdict, the same for a known and an unknown user (hostile
 * case 61). A store or queue that cannot be reached fails the request (503), so that the provider sends it again.
 * Each connection a deauthorization ended is audited ({@code deauthorized}); a data notification is not.
 */
public final class ReceiveNotificationService implements ReceiveNotification {
    private static final System.Logger LOG = System.getLogger(ReceiveNotificationService.class.getName());

    private final Reporting reporting;
    private final ProviderNotifications notifications;
    private final ConnectionEnding connections;
    private final SyncQueue queue;
    private final Clock clock;
    private final AuditTrail audits;
    private final SeenNotifications seen;

    public ReceiveNotificationService(
            ProviderNotifications notifications,
            ConnectionEnding connections,
            SyncQueue queue,
            Clock clock,
            Reporting reporting,
            AuditTrail audits,
            SeenNotifications seen) {
        this.audits = audits;
        this.seen = seen;
        this.reporting = reporting;
        this.notifications = notifications;
        this.connections = connections;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public Optional<NotificationVerdict> receive(String provider, InboundNotification notification) {
        Optional<ProviderSlug> slug = ProviderSlug.parse(provider);
        if (slug.isEmpty()) {
            return Optional.empty();
        }
        Optional<NotificationVerdict> verdict = notifications.read(slug.get(), notification);
        verdict.ifPresent(found -> {
            if (found instanceof NotificationVerdict.Accepted accepted) {
                try {
                    accepted.notices().forEach(notice -> act(slug.get(), notice));
                } catch (Unavailable unavailable) {
                    accepted.fingerprint().ifPresent(this::forget);
                    throw unavailable;
                }
            } else if (found instanceof NotificationVerdict.Rejected rejected) {
                LOG.log(Level.INFO, "A notification on ''{0}'' was refused: {1}", slug.get(), rejected.why());
            }
        });
        return verdict;
    }

    /**
     * The notification is answered 503 and the provider sends it again: its signature must then be new. If even that
     * fails, the retry is refused as a replay: logged, since that notification is then lost.
     */
    private void forget(String fingerprint) {
        try {
            seen.forget(fingerprint);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "A notification that could not be acted on stays remembered ({0}); the provider''s retry of it "
                            + "will be refused as a replay",
                    e.getMessage());
        }
    }

    private void act(ProviderSlug provider, Notice notice) {
        try {
            for (StoredConnection connection : connections.ofProviderUser(provider, notice.providerUserId())) {
                if (notice instanceof Notice.Deauthorized) {
                    ConnectionEnding.Ending ending = reporting.step(
                            () -> connections.end(connection.key(), EndReason.DEAUTHORIZED),
                            (ended, id) -> ended instanceof ConnectionEnding.Ended
                                    ? Optional.of(PlatformEvent.revoked(
                                            id, connection.key(), EndReason.DEAUTHORIZED, clock.instant()))
                                    : Optional.<PlatformEvent>empty());
                    if (ending instanceof ConnectionEnding.Ended) {
                        Auditing.record(
                                audits,
                                AuditRecord.deauthorized(connection.key(), connection.endpointId(), clock.instant()));
                    }
                } else if (connection.status() == ConnectionStatus.ACTIVE) {
                    queue.enqueue(new SyncJob(connection.key(), connection.endpointId(), clock.instant()));
                }
            }
        } catch (ConnectionStoreUnavailable e) {
            throw new Unavailable.ConnectionStore(e.getMessage(), e);
        } catch (SyncQueueUnavailable e) {
            throw new Unavailable.SyncQueue(e.getMessage(), e);
        }
    }
}
