package health.wearables.application.service;

import health.wearables.application.port.in.CompleteCallback;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.ProviderCatalog;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import health.wearables.domain.PublicBaseUrl;
import health.wearables.domain.Rejection;
import health.wearables.domain.Step;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.Grant;
import health.wearables.domain.callback.CallbackRoute;
import health.wearables.domain.callback.Persisted;
import health.wearables.domain.callback.Received;
import health.wearables.domain.callback.StateVerified;
import health.wearables.domain.callback.SyncQueued;
import health.wearables.domain.callback.TokensObtained;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The callback as one arrow chain: state → exchange → persist → sync → redirect. */
public final class CompleteCallbackService implements CompleteCallback {
    private static final System.Logger LOG = System.getLogger(CompleteCallbackService.class.getName());

    private final ProviderCatalog providers;
    private final StateStore states;
    private final TokenExchange tokenExchange;
    private final Oauth1Provider oauth1;
    private final CredentialSealing sealing;
    private final ConnectionStore connections;
    private final SyncQueue syncQueue;
    private final ProjectDirectory projects;
    private final PublicBaseUrl publicBaseUrl;
    private final Clock clock;

    public CompleteCallbackService(ProviderCatalog providers, StateStore states, TokenExchange tokenExchange,
                                   Oauth1Provider oauth1, TokenCipher cipher, ConnectionStore connections, SyncQueue syncQueue,
                                   ProjectDirectory projects, PublicBaseUrl publicBaseUrl, Clock clock) {
        this.providers = providers;
        this.states = states;
        this.tokenExchange = tokenExchange;
        this.oauth1 = oauth1;
        this.sealing = new CredentialSealing(cipher);
        this.connections = connections;
        this.syncQueue = syncQueue;
        this.projects = projects;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    @Override
    public CallbackAnswer complete(String provider, CallbackRoute route, Map<String, List<String>> query) {
        return Received.parse(provider, route, query)
                .then(received -> received.identify(received.providerSlug().flatMap(providers::find)))
                .then(callback -> callback.verify(states.take(callback.key()), clock.instant()))        // state
                .then(verified -> verified.exchanged(exchange(verified)))                              // exchange
                .then(obtained -> Step.ok(obtained.persisted(connections.save(seal(obtained)))))       // persist
                .then(persisted -> Step.ok(queueSync(persisted)))                                       // sync
                .fold(this::connected, this::refused);                                                 // redirect
    }

    private ExchangeResult exchange(StateVerified verified) {
        if (verified.grant() instanceof Grant.Oauth1Grant grant) {
            return oauth1.tokenCredentials(verified.provider(), grant);
        }
        Grant.AuthorizationCodeGrant grant = (Grant.AuthorizationCodeGrant) verified.grant();
        return tokenExchange.exchange(verified.provider(), grant.code(), grant.verifier(),
                publicBaseUrl.callbackFor(verified.provider().slug()));
    }

    private SealedCredentials seal(TokensObtained obtained) {
        return sealing.seal(obtained.key(), obtained.tokens(), clock.instant());
    }

    private SyncQueued queueSync(Persisted persisted) {
        syncQueue.enqueue(persisted.syncJob(clock.instant()));
        return persisted.syncQueued();
    }

    private CallbackAnswer connected(SyncQueued done) {
        LOG.log(Level.INFO, "connected: project={0} provider={1} endpoint={2}",
                done.pending().project(), done.pending().provider(), done.connection().endpointId());
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
