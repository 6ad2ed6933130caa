package health.wearables.adapters.rest.app;

import health.wearables.adapters.rest.app.Spans.Outcome;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.FlowKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.ProjectId;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.Grant;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The callback's four steps as spans, each around the port the step calls: {@code state} (the state taken),
 * {@code exchange} (the grant redeemed at the provider), {@code persist} (the sealed credentials stored) and
 * {@code sync} (the first sync queued). What each port does is the delegate's, unchanged; only the callback's own
 * collaborators are wrapped, so the connect call, the listing and the background passes make no such spans.
 */
public final class TracedCallbackSteps {
    private TracedCallbackSteps() {}

    /** The step named "state": the outcome is "taken" (with the provider it was minted for) or "unknown". */
    public static StateStore states(StateStore states, Spans spans) {
        return new StateStore() {
            @Override
            public void put(FlowKey key, PendingAuthorization pending, Duration ttl) {
                states.put(key, pending, ttl);
            }

            @Override
            public Optional<PendingAuthorization> take(FlowKey key) {
                return spans.step(
                        "state",
                        "",
                        () -> states.take(key),
                        taken -> taken.map(pending -> Outcome.of("taken")
                                        .provider(pending.provider().value()))
                                .orElse(Outcome.of("unknown")));
            }
        };
    }

    /** {@code exchange}: outcome {@code exchanged}, {@code refused} or {@code failed}. */
    public static Exchanges exchanges(TokenExchange oauth2, Oauth1Provider oauth1, Spans spans) {
        return new Exchanges(oauth2, oauth1, spans);
    }

    /** {@code persist}: outcome {@code connected} or {@code reconnected}. */
    public static ConnectionStore connections(ConnectionStore connections, Spans spans) {
        return new ConnectionStore() {
            @Override
            public Saved save(SealedCredentials credentials) {
                return spans.step(
                        "persist",
                        credentials.key().provider().value(),
                        () -> connections.save(credentials),
                        saved -> Outcome.of(saved.reconnect() ? "reconnected" : "connected"));
            }

            @Override
            public List<StoredConnection> list(ProjectId project, Optional<PatientId> patient) {
                return connections.list(project, patient);
            }
        };
    }

    /** The step named "sync": the first sync job handed to the queue. */
    public static SyncQueue syncQueue(SyncQueue queue, Spans spans) {
        return job -> spans.step(
                "sync",
                job.key().provider().value(),
                () -> {
                    queue.enqueue(job);
                    return job;
                },
                queued -> Outcome.of("queued"));
    }

    /** Both kinds of token exchange, OAuth 2.0 and OAuth 1.0a, as the {@code exchange} step. */
    public static final class Exchanges implements TokenExchange, Oauth1Provider {
        private final TokenExchange oauth2;
        private final Oauth1Provider oauth1;
        private final Spans spans;

        Exchanges(TokenExchange oauth2, Oauth1Provider oauth1, Spans spans) {
            this.oauth2 = oauth2;
            this.oauth1 = oauth1;
            this.spans = spans;
        }

        @Override
        public ExchangeResult exchange(
                ConfiguredProvider provider, AuthorizationCode code, Optional<PkceVerifier> verifier, URI redirectUri) {
            return spans.step(
                    "exchange",
                    provider.slug().value(),
                    () -> oauth2.exchange(provider, code, verifier, redirectUri),
                    Exchanges::outcome);
        }

        @Override
        public ExchangeResult tokenCredentials(ConfiguredProvider provider, Grant.Oauth1Grant grant) {
            return spans.step(
                    "exchange",
                    provider.slug().value(),
                    () -> oauth1.tokenCredentials(provider, grant),
                    Exchanges::outcome);
        }

        @Override
        public TemporaryCredentialsResult temporaryCredentials(ConfiguredProvider provider, URI callbackUri) {
            return oauth1.temporaryCredentials(provider, callbackUri);
        }

        private static Outcome outcome(ExchangeResult result) {
            return Outcome.of(result.fold(exchanged -> "exchanged", refused -> "refused", failed -> "failed"));
        }
    }
}
