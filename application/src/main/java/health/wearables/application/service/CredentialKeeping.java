package health.wearables.application.service;

import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.CredentialInboxUnavailable;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.HeldEventsUnavailable;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.callback.Kept;
import health.wearables.domain.callback.TokensObtained;
import health.wearables.domain.events.PlatformEvent;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The persist step of the callback: the issued tokens are sealed and stored as the connection; when the connection
 * store cannot take them, the sealed credentials are held in the inbox for a retry. Only when the inbox fails too are
 * the tokens lost, and then {@link Unavailable.CredentialInbox} goes up to the caller.
 */
public final class CredentialKeeping {
    /** Logs as the callback it is a step of. */
    private static final System.Logger LOG = System.getLogger(CompleteCallbackService.class.getName());

    private final Reporting reporting;
    private final CredentialSealing sealing;
    private final ConnectionStore connections;
    private final CredentialInbox inbox;
    private final Duration inboxTtl;
    private final HeldEvents heldEvents;

    /**
     * @param inboxTtl how long the inbox keeps credentials that the connection store could not take
     */
    public CredentialKeeping(
            TokenCipher cipher,
            ConnectionStore connections,
            CredentialInbox inbox,
            Duration inboxTtl,
            Reporting reporting,
            HeldEvents heldEvents) {
        this.heldEvents = heldEvents;
        this.reporting = reporting;
        this.sealing = new CredentialSealing(cipher);
        this.connections = connections;
        this.inbox = inbox;
        this.inboxTtl = inboxTtl;
    }

    /** Stored as the connection; or, when the store cannot take it, held sealed in the inbox for a retry. */
    Kept keep(TokensObtained obtained, Instant now) {
        SealedCredentials sealed = sealing.seal(obtained.key(), obtained.tokens(), now);
        try {
            return obtained.persisted(saved(sealed, now));
        } catch (ConnectionStoreUnavailable storeDown) {
            holdForRetry(sealed, storeDown);
            reportPending(sealed, now);
            return obtained.heldForRetry();
        }
    }

    /** Stored, with its {@code connection.created} event in the same step ({@code reconnect} if it was stored). */
    private StoredConnection saved(SealedCredentials sealed, Instant now) {
        return reporting
                .step(
                        () -> connections.save(sealed),
                        (saved, id) ->
                                Optional.of(PlatformEvent.connectionCreated(id, sealed.key(), saved.reconnect(), now)))
                .connection();
    }

    /**
     * {@code connection.pending}, held beside the credentials (the outbox is in the store that just failed) and
     * delivered from there. If it cannot be held, the connection goes on all the same: the platform hears {@code
     * connection.created} once the credentials are stored.
     */
    private void reportPending(SealedCredentials sealed, Instant now) {
        PlatformEvent pending = PlatformEvent.connectionPending(reporting.ids().next(), sealed.key(), now);
        try {
            heldEvents.hold(EventOutbox.Entry.of(pending));
        } catch (HeldEventsUnavailable e) {
            LOG.log(
                    Level.WARNING,
                    "connection.pending of project={0} provider={1} could not be held ({2}); the platform hears of "
                            + "the connection when it is stored",
                    sealed.key().project(),
                    sealed.key().provider(),
                    e.getMessage());
        }
    }

    private void holdForRetry(SealedCredentials sealed, ConnectionStoreUnavailable storeDown) {
        try {
            inbox.hold(sealed, inboxTtl);
        } catch (CredentialInboxUnavailable inboxDown) {
            LOG.log(
                    Level.ERROR,
                    "the tokens issued for project={0} provider={1} are lost: the connection store failed "
                            + "({2}) and so did the credential inbox ({3}); the patient must connect again",
                    sealed.key().project(),
                    sealed.key().provider(),
                    storeDown.getMessage(),
                    inboxDown.getMessage());
            throw new Unavailable.CredentialInbox(inboxDown.getMessage(), inboxDown);
        }
        LOG.log(
                Level.WARNING,
                "connection store unavailable ({0}): the sealed credentials of project={1} provider={2} "
                        + "are held in the credential inbox for a retry",
                storeDown.getMessage(),
                sealed.key().project(),
                sealed.key().provider());
    }
}
