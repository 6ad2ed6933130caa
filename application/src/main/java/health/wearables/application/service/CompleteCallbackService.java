package health.wearables.application.service;

import health.wearables.application.port.in.CompleteCallback;
import health.wearables.application.port.out.CallbackUris;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.CredentialInboxUnavailable;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.ProviderCatalog;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.SyncMarks;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import health.wearables.domain.Rejection;
import health.wearables.domain.Step;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SyncJob;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.Concluded;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.HeldForRetry;
import health.wearables.domain.callback.Kept;
import health.wearables.domain.callback.Persisted;
import health.wearables.domain.callback.Received;
import health.wearables.domain.callback.StateVerified;
import health.wearables.domain.callback.SyncQueued;
import health.wearables.domain.callback.TokensObtained;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callback as one arrow chain: state → exchange → persist → sync → redirect. After a successful exchange nothing
 * is lost: when the connection store fails, the sealed credentials are held in the inbox for a retry and the answer is
 * pending; when the sync queue fails, the job is recorded with the stored connection for a retry and the answer is
 * connected.
 */
public final class CompleteCallbackService implements CompleteCallback {
    private static final System.Logger LOG = System.getLogger(CompleteCallbackService.class.getName());

    private final ProviderCatalog providers;
    private final StateStore states;
    private final TokenExchange tokenExchange;
    private final Oauth1Provider oauth1;
    private final CredentialSealing sealing;
    private final ConnectionStore connections;
    private final CredentialInbox inbox;
    private final Duration inboxTtl;
    private final SyncQueue syncQueue;
    private final SyncMarks syncMarks;
    private final ProjectDirectory projects;
    private final CallbackUris callbackUris;
    private final Clock clock;

    /**
     * @param inboxTtl how long the inbox keeps credentials that the connection store could not take
     */
    public CompleteCallbackService(ProviderCatalog providers, StateStore states, TokenExchange tokenExchange,
                                   Oauth1Provider oauth1, TokenCipher cipher, ConnectionStore connections,
                                   CredentialInbox inbox, Duration inboxTtl, SyncQueue syncQueue, SyncMarks syncMarks,
                                   ProjectDirectory projects, CallbackUris callbackUris, Clock clock) {
        this.providers = providers;
        this.states = states;
        this.tokenExchange = tokenExchange;
        this.oauth1 = oauth1;
        this.sealing = new CredentialSealing(cipher);
        this.connections = connections;
        this.inbox = inbox;
        this.inboxTtl = inboxTtl;
        this.syncQueue = syncQueue;
        this.syncMarks = syncMarks;
        this.projects = projects;
        this.callbackUris = callbackUris;
        this.clock = clock;
    }

    @Override
    public CallbackAnswer complete(String provider, Map<String, List<String>> query) {
        return Received.parse(provider, query)
                .then(received -> received.identify(received.providerSlug().flatMap(providers::find)))
                .then(callback -> callback.verify(states.take(callback.key()), clock.instant()))        // state
                .then(verified -> verified.exchanged(exchange(verified)))                              // exchange
                .then(obtained -> Step.ok(keep(obtained)))                                             // persist
                .then(kept -> Step.ok(kept.<Concluded>fold(this::queueSync, this::stillHeld)))        // sync
                .fold(this::answered, this::refused);                                                  // redirect
    }

    private ExchangeResult exchange(StateVerified verified) {
        return verified.grant().fold(
                code -> tokenExchange.exchange(verified.provider(), code.code(), code.verifier(),
                        callbackUris.callbackFor(verified.provider().slug())),
                oauth1Grant -> oauth1.tokenCredentials(verified.provider(), oauth1Grant));
    }

    private SealedCredentials seal(TokensObtained obtained) {
        return sealing.seal(obtained.key(), obtained.tokens(), clock.instant());
    }

    /** Stored as the connection; or, when the store cannot take it, held sealed in the inbox for a retry. */
    private Kept keep(TokensObtained obtained) {
        SealedCredentials sealed = seal(obtained);
        try {
            return obtained.persisted(connections.save(sealed));
        } catch (ConnectionStoreUnavailable storeDown) {
            holdForRetry(sealed, storeDown);
            return obtained.heldForRetry();
        }
    }

    private void holdForRetry(SealedCredentials sealed, ConnectionStoreUnavailable storeDown) {
        try {
            inbox.hold(sealed, inboxTtl);
        } catch (CredentialInboxUnavailable inboxDown) {
            LOG.log(Level.ERROR, "the tokens issued for project={0} provider={1} are lost: the connection store failed "
                    + "({2}) and so did the credential inbox ({3}); the patient must connect again",
                    sealed.key().project(), sealed.key().provider(), storeDown.getMessage(), inboxDown.getMessage());
            throw inboxDown;
        }
        LOG.log(Level.WARNING, "connection store unavailable ({0}): the sealed credentials of project={1} provider={2} "
                + "are held in the credential inbox for a retry", storeDown.getMessage(), sealed.key().project(),
                sealed.key().provider());
    }

    /** Queued; or, when the queue cannot take it, recorded with the stored connection for a retry. */
    private SyncQueued queueSync(Persisted persisted) {
        SyncJob job = persisted.syncJob(clock.instant());
        try {
            syncQueue.enqueue(job);
        } catch (SyncQueueUnavailable queueDown) {
            recordSyncForRetry(job, queueDown);
        }
        SyncQueued connected = persisted.syncQueued();
        LOG.log(Level.INFO, "connected: project={0} provider={1} endpoint={2}",
                connected.pending().project(), connected.pending().provider(), connected.connection().endpointId());
        return connected;
    }

    /** Nothing to queue: the retry that stores the held credentials also records their initial sync. */
    private HeldForRetry stillHeld(HeldForRetry held) {
        LOG.log(Level.INFO, "pending: project={0} provider={1} (credentials held for a retry)",
                held.pending().project(), held.pending().provider());
        return held;
    }

    private void recordSyncForRetry(SyncJob job, SyncQueueUnavailable queueDown) {
        try {
            syncMarks.markSyncPending(job.key());
        } catch (ConnectionStoreUnavailable storeDown) {
            LOG.log(Level.ERROR, "the initial sync of project={0} provider={1} endpoint={2} could not be queued ({3}) "
                    + "nor recorded for a retry ({4}); the connection is stored, its first sync must be requested "
                    + "again",
                    job.key().project(), job.key().provider(), job.endpointId(), queueDown.getMessage(),
                    storeDown.getMessage());
            return;
        }
        LOG.log(Level.WARNING, "sync queue unavailable ({0}): the initial sync of project={1} provider={2} "
                + "endpoint={3} is recorded for a retry", queueDown.getMessage(), job.key().project(),
                job.key().provider(), job.endpointId());
    }

    private CallbackAnswer answered(Concluded done) {
        return done.answer(projectNow(done.pending()));
    }

    private CallbackAnswer refused(Rejection rejection) {
        LOG.log(Level.INFO, "callback refused: {0}{1}{2}", rejection.code(),
                rejection.pending().map(p -> " project=" + p.project() + " provider=" + p.provider()).orElse(""),
                rejection.detailForLog().map(detail -> " (provider said: " + detail + ")").orElse(""));
        return CallbackAnswer.refused(rejection, rejection.pending().flatMap(this::projectNow));
    }

    private Optional<Project> projectNow(PendingAuthorization pending) {
        return projects.find(pending.project());
    }
}
