package health.wearables.adapters.rest.app;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.InMemoryAuditTrail;
import health.wearables.application.port.out.InMemoryConnectionStore;
import health.wearables.application.port.out.InMemoryCredentialInbox;
import health.wearables.application.port.out.InMemoryEventOutbox;
import health.wearables.application.port.out.InMemoryHeldEvents;
import health.wearables.application.port.out.InMemoryStateStore;
import health.wearables.application.port.out.InMemorySyncQueue;
import health.wearables.application.port.out.Oauth1Provider;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.TokenExchange;
import health.wearables.application.service.CompleteCallbackService;
import health.wearables.application.service.CredentialKeeping;
import health.wearables.application.service.EventIds;
import health.wearables.application.service.GrantRedemption;
import health.wearables.application.service.InitialSync;
import health.wearables.application.service.Reporting;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Pkce;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.ScopePolicy;
import health.wearables.domain.StateToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.ExchangeResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The spans of one callback, run through the real state machine with in-memory ports wrapped as the wiring wraps them,
 * and recorded by OpenTelemetry's own SDK: under the request's span, one child per step in the order of the state
 * machine, each with the provider and its outcome, and no attribute holding the code, the state, the verifier or a
 * token.
 */
class TracedStepsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final String CODE = "code-5f1c9a7e3b2d";
    private static final String ACCESS = "access-token-9b8c7d6e5f";
    private static final String REFRESH = "refresh-token-1a2b3c4d5e";
    private static final String VERIFIER = "verifier-0123456789abcdefghijklmnopqrstuvwxyzABCD";
    private static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("wearables.provider");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("wearables.outcome");

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final Tracer tracer = tracing.get("test");
    private final Spans spans = new Spans(tracer);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryStateStore states = new InMemoryStateStore(clock);
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final InMemorySyncQueue syncQueue = new InMemorySyncQueue();
    private final ConfiguredProvider oura = provider("oura");

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void one_callback_is_the_request_span_with_its_four_steps_in_order() {
        StateToken state = StateToken.mint(RandomGenerator.of("L64X128MixRandom"));
        states.put(state, pending(), Duration.ofMinutes(10));

        CallbackAnswer answer = underRequestSpan(() -> callback(exchanging(new ExchangeResult.Exchanged(tokens())))
                .complete("oura", Map.of("code", List.of(CODE), "state", List.of(state.value()))));

        assertThat(answer.outcome()).isInstanceOf(CallbackAnswer.Connected.class);
        SpanData request = only("GET /v1/wearables/{provider}/callback");
        List<SpanData> steps = childrenOf(request);
        assertThat(steps).extracting(SpanData::getName).containsExactly("state", "exchange", "persist", "sync");
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.getTraceId()).isEqualTo(request.getTraceId());
            assertThat(step.getAttributes().get(PROVIDER)).isEqualTo("oura");
        });
        assertThat(steps)
                .extracting(step -> step.getAttributes().get(OUTCOME))
                .containsExactly("taken", "exchanged", "connected", "queued");
        assertNoSecretIn(state.value());
    }

    @Test
    void a_refused_exchange_ends_the_tree_at_the_exchange_step() {
        StateToken state = StateToken.mint(RandomGenerator.of("L64X128MixRandom"));
        states.put(state, pending(), Duration.ofMinutes(10));

        underRequestSpan(() -> callback(exchanging(new ExchangeResult.Refused("invalid_grant")))
                .complete("oura", Map.of("code", List.of(CODE), "state", List.of(state.value()))));

        List<SpanData> steps = childrenOf(only("GET /v1/wearables/{provider}/callback"));
        assertThat(steps).extracting(SpanData::getName).containsExactly("state", "exchange");
        assertThat(steps).extracting(step -> step.getAttributes().get(OUTCOME)).containsExactly("taken", "refused");
        assertNoSecretIn(state.value());
    }

    @Test
    void a_replayed_state_is_one_step_whose_outcome_is_unknown() {
        StateToken state = StateToken.mint(RandomGenerator.of("L64X128MixRandom"));

        underRequestSpan(() -> callback(exchanging(new ExchangeResult.Exchanged(tokens())))
                .complete("oura", Map.of("code", List.of(CODE), "state", List.of(state.value()))));

        List<SpanData> steps = childrenOf(only("GET /v1/wearables/{provider}/callback"));
        assertThat(steps).extracting(SpanData::getName).containsExactly("state");
        assertThat(steps.get(0).getAttributes().get(OUTCOME)).isEqualTo("unknown");
        assertThat(steps.get(0).getAttributes().get(PROVIDER)).isNull();
    }

    @Test
    void a_step_that_throws_is_an_error_span_naming_only_the_exception_type() {
        RuntimeException failure = new IllegalStateException("carrying " + ACCESS);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> spans.step(
                        "persist",
                        "oura",
                        () -> {
                            throw failure;
                        },
                        saved -> Spans.Outcome.of("connected")))
                .isSameAs(failure);

        SpanData persist = only("persist");
        assertThat(persist.getStatus().getDescription()).isEqualTo("IllegalStateException");
        assertThat(persist.getAttributes().get(OUTCOME)).isEqualTo("error");
        assertThat(persist.getEvents()).isEmpty();
        assertNoSecretIn();
    }

    private CompleteCallbackService callback(TokenExchange exchange) {
        Oauth1Provider noOauth1 = new Oauth1Provider() {
            @Override
            public TemporaryCredentialsResult temporaryCredentials(ConfiguredProvider provider, URI callbackUri) {
                throw new AssertionError("not an OAuth 1.0a provider");
            }

            @Override
            public ExchangeResult tokenCredentials(
                    ConfiguredProvider provider, health.wearables.domain.callback.Grant.Oauth1Grant grant) {
                throw new AssertionError("not an OAuth 1.0a provider");
            }
        };
        // As UseCaseProducer wraps them.
        TracedCallbackSteps.Exchanges exchanges = TracedCallbackSteps.exchanges(exchange, noOauth1, spans);
        Reporting reporting = new Reporting(
                java.util.function.Supplier::get, new InMemoryEventOutbox(), new EventIds(new SecureRandom()));
        ConfiguredProviders providers = new ConfiguredProviders() {
            @Override
            public Optional<ConfiguredProvider> find(ProviderSlug slug) {
                return slug.equals(oura.slug()) ? Optional.of(oura) : Optional.empty();
            }

            @Override
            public List<ConfiguredProvider> all() {
                return List.of(oura);
            }
        };
        Project acme = new Project(new ProjectId("acme"), List.of(), List.of());
        ProjectDirectory projects = new ProjectDirectory() {
            @Override
            public Optional<Project> find(ProjectId id) {
                return Optional.of(acme);
            }

            @Override
            public Optional<Project> authenticate(health.wearables.domain.ApiKey key) {
                return Optional.empty();
            }
        };
        return new CompleteCallbackService(
                providers,
                TracedCallbackSteps.states(states, spans),
                new GrantRedemption(exchanges, exchanges, slug -> URI.create("http://localhost:9080/callback")),
                new CredentialKeeping(
                        new ReversibleTokenCipher(),
                        TracedCallbackSteps.connections(connections, spans),
                        new InMemoryCredentialInbox(clock),
                        Duration.ofDays(7),
                        reporting,
                        new InMemoryHeldEvents()),
                new InitialSync(TracedCallbackSteps.syncQueue(syncQueue, spans), connections),
                projects,
                clock,
                new InMemoryAuditTrail());
    }

    private static TokenExchange exchanging(ExchangeResult result) {
        return (provider, code, verifier, redirectUri) -> result;
    }

    private <T> T underRequestSpan(java.util.function.Supplier<T> work) {
        Span request = tracer.spanBuilder("GET /v1/wearables/{provider}/callback")
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        try (Scope ignored = request.makeCurrent()) {
            return work.get();
        } finally {
            request.end();
        }
    }

    private SpanData only(String name) {
        List<SpanData> named = exported.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name))
                .toList();
        assertThat(named).hasSize(1);
        return named.get(0);
    }

    /** The request span's children, in the order they started. */
    private List<SpanData> childrenOf(SpanData parent) {
        return exported.getFinishedSpanItems().stream()
                .filter(span -> span.getParentSpanId().equals(parent.getSpanId()))
                .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
    }

    private void assertNoSecretIn(String... more) {
        String everything = exported.getFinishedSpanItems().stream()
                .map(span ->
                        span.getName() + " " + span.getAttributes() + " " + span.getStatus() + " " + span.getEvents())
                .collect(Collectors.joining("\n"));
        assertThat(everything).isNotBlank();
        for (String secret : List.of(CODE, ACCESS, REFRESH, VERIFIER)) {
            assertThat(everything).doesNotContain(secret);
        }
        for (String secret : more) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    private static PendingAuthorization pending() {
        return new PendingAuthorization(
                new ProjectId("acme"),
                new PatientId("amara"),
                new ProviderSlug("oura"),
                Optional.empty(),
                false,
                Optional.of(new PkceVerifier(VERIFIER)),
                NOW.plusSeconds(600));
    }

    private static TokenSet tokens() {
        return new TokenSet(
                new AccessToken(ACCESS),
                Optional.of(new RefreshToken(REFRESH)),
                Optional.of(NOW.plusSeconds(3600)),
                List.of("daily"),
                Optional.of("oura-user-7"));
    }

    private static ConfiguredProvider provider(String slug) {
        return new ConfiguredProvider(
                new ProviderSlug(slug),
                slug,
                OAuthVersion.OAUTH_2_0,
                ProviderEndpoints.oauth2(
                        URI.create("https://" + slug + ".example/authorize"),
                        URI.create("https://" + slug + ".example/token"),
                        URI.create("https://" + slug + ".example/api/")),
                new ProviderClient(slug + "-client", new ClientSecret(slug + "-secret"), ClientAuthentication.POST),
                ScopePolicy.requesting(List.of("daily")),
                Pkce.S256,
                IssuerPolicy.none());
    }
}
