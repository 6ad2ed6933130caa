package health.wearables.application.service;

import health.wearables.application.port.in.CompleteCallback;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.FlowKey;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import health.wearables.domain.Rejection;
import health.wearables.domain.Step;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.Concluded;
import health.wearables.domain.callback.HeldForRetry;
import health.wearables.domain.callback.Persisted;
import health.wearables.domain.callback.Received;
import health.wearables.domain.callback.SyncQueued;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callback as one arrow chain: state → exchange → persist → sync → redirect, one collaborator per step. After a
 * successful exchange nothing is lost: when the connection store fails, the sealed credentials are held in the inbox
 * for a retry and the answer is pending ({@link CredentialKeeping}); when the sync queue fails, the job is recorded
 * with the stored connection for a retry and the answer is connected ({@link InitialSync}).
 *
 * <p>Every outcome is audited: {@code callback-completed} (connected, with the Endpoint; or pending) or
 * {@code callback-refused} with the rejection code, for the verified state's connection (none before the state is
 * verified). One record, written from what the flow already holds: no read of its own.
 */
public final class CompleteCallbackService implements CompleteCallback {
    private static final System.Logger LOG = System.getLogger(CompleteCallbackService.class.getName());

    private final ConfiguredProviders providers;
    private final StateStore states;
    private final GrantRedemption redemption;
    private final CredentialKeeping keeping;
    private final InitialSync initialSync;
    private final ProjectDirectory projects;
    private final Clock clock;
    private final AuditTrail audits;

    /**
     * @param providers   which provider the callback is for
     * @param states      the state (or temporary token), taken once
     * @param redemption  the exchange of the grant at the provider
     * @param keeping     the sealed credentials stored, or held for a retry
     * @param initialSync the first sync queued, or recorded for a retry
     * @param projects    the project as configured now, for the redirect
     * @param audits      where each outcome is written down
     */
    public CompleteCallbackService(
            ConfiguredProviders providers,
            StateStore states,
            GrantRedemption redemption,
            CredentialKeeping keeping,
            InitialSync initialSync,
            ProjectDirectory projects,
            Clock clock,
            AuditTrail audits) {
        this.audits = audits;
        this.providers = providers;
        this.states = states;
        this.redemption = redemption;
        this.keeping = keeping;
        this.initialSync = initialSync;
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    public CallbackAnswer complete(String provider, Map<String, List<String>> query) {
        return Received.parse(provider, query)
                .then(received -> received.identify(received.providerSlug().flatMap(providers::find)))
                .then(callback -> callback.verify(take(callback.key()), clock.instant())) // state
                .then(verified -> verified.exchanged(redemption.redeem(verified))) // exchange
                .then(obtained -> Step.ok(keeping.keep(obtained, clock.instant()))) // persist
                .then(kept -> Step.ok(kept.<Concluded>fold(this::queueSync, this::stillHeld))) // sync
                .fold(this::answered, this::refused); // redirect
    }

    /** Fails closed: a state that cannot be taken is not verified, and nothing is exchanged. */
    private Optional<PendingAuthorization> take(FlowKey key) {
        try {
            return states.take(key);
        } catch (StateStoreUnavailable e) {
            throw new Unavailable.StateStore(e.getMessage(), e);
        }
    }

    private SyncQueued queueSync(Persisted persisted) {
        SyncQueued connected = initialSync.queue(persisted, clock.instant());
        LOG.log(
                Level.INFO,
                "connected: project={0} provider={1} endpoint={2}",
                connected.pending().project(),
                connected.pending().provider(),
                connected.connection().endpointId());
        Auditing.record(
                audits,
                AuditRecord.callbackCompleted(
                        connected.pending().connectionKey(),
                        Optional.of(connected.connection().endpointId()),
                        clock.instant()));
        return connected;
    }

    /** Nothing to queue: the retry that stores the held credentials also records their initial sync. */
    private HeldForRetry stillHeld(HeldForRetry held) {
        LOG.log(
                Level.INFO,
                "pending: project={0} provider={1} (credentials held for a retry)",
                held.pending().project(),
                held.pending().provider());
        Auditing.record(
                audits,
                AuditRecord.callbackCompleted(held.pending().connectionKey(), Optional.empty(), clock.instant()));
        return held;
    }

    private CallbackAnswer answered(Concluded done) {
        return done.answer(projectNow(done.pending()));
    }

    private CallbackAnswer refused(Rejection rejection) {
        LOG.log(
                Level.INFO,
                "callback refused: {0}{1}{2}",
                rejection.code(),
                rejection
                        .pending()
                        .map(p -> " project=" + p.project() + " provider=" + p.provider())
                        .orElse(""),
                rejection
                        .detailForLog()
                        .map(detail -> " (provider said: " + detail + ")")
                        .orElse(""));
        Auditing.record(
                audits,
                AuditRecord.callbackRefused(
                        rejection.pending().map(PendingAuthorization::connectionKey),
                        rejection.code(),
                        clock.instant()));
        return CallbackAnswer.refused(rejection, rejection.pending().flatMap(this::projectNow));
    }

    private Optional<Project> projectNow(PendingAuthorization pending) {
        return projects.find(pending.project());
    }
}
