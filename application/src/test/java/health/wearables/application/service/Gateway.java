package health.wearables.application.service;

import health.wearables.application.port.in.StartConnection.ConnectCommand;
import health.wearables.application.port.out.CallbackUris;
import health.wearables.application.port.out.ConnectPageUris;
import health.wearables.application.port.out.InMemoryConnectSessions;
import health.wearables.application.port.out.InMemoryConnectionStore;
import health.wearables.application.port.out.InMemoryCredentialInbox;
import health.wearables.application.port.out.InMemoryLeases;
import health.wearables.application.port.out.InMemoryStateStore;
import health.wearables.application.port.out.InMemorySyncPoints;
import health.wearables.application.port.out.InMemorySyncQueue;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Connecting;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Hashing;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.PatientId;
import health.wearables.domain.Pkce;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.Rejection;
import health.wearables.domain.ReturnUrl;
import health.wearables.domain.ScopePolicy;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StateToken;
import health.wearables.domain.Step;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The use cases wired to in-memory fakes, as the REST adapter wires them to Redis and FHIR: two projects
 * ({@code acme} and {@code globex}), three providers (withings and fitbit with PKCE, strava without), a clock that
 * only moves when told, seeded randomness.
 */
final class Gateway {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final Duration TTL = Duration.ofMinutes(10);
    static final String ACME_KEY = "acme-live-key-7f3a9c";
    static final String GLOBEX_KEY = "globex-live-key-21b8e0";
    static final String DASHBOARD = "https://dashboard.example.com/wearables/";
    static final String DONE = DASHBOARD + "done";
    static final String CODE = "SplxlOBeZQQYbYS6WxSbIA";
    static final String ACCESS = "access-token-4f9c2e7b1d";
    static final String REFRESH = "refresh-token-8a7d6c5b4e";
    /** Where the edge says the providers send patients back. */
    static final CallbackUris CALLBACK_URIS =
            provider -> URI.create("https://gateway.example.org/v1/wearables/" + provider.value() + "/callback");

    static final Duration INBOX_TTL = Duration.ofDays(7);
    static final Duration LEASE = Duration.ofMinutes(1);

    final MutableClock clock = new MutableClock(NOW);
    final health.wearables.application.port.out.InMemoryAuditTrail audits =
            new health.wearables.application.port.out.InMemoryAuditTrail();
    final health.wearables.application.port.out.InMemoryEventOutbox events =
            new health.wearables.application.port.out.InMemoryEventOutbox();
    final health.wearables.application.port.out.InMemoryHeldEvents heldEvents =
            new health.wearables.application.port.out.InMemoryHeldEvents();
    final InMemoryStateStore stateStore = new InMemoryStateStore(clock);
    final CountingStateStore states = new CountingStateStore(stateStore);
    final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    final InMemorySyncQueue syncQueue = new InMemorySyncQueue();
    final InMemoryCredentialInbox inbox = new InMemoryCredentialInbox(clock);
    final InMemoryLeases leases = new InMemoryLeases(clock);
    final ReversibleTokenCipher cipher = new ReversibleTokenCipher();
    final FakeConfiguredProviders providers = new FakeConfiguredProviders(
            provider("withings", Pkce.S256),
            provider("fitbit", Pkce.S256),
            provider("strava", Pkce.NONE),
            oauth1Provider("garmin-legacy"));
    final FakeProjectDirectory projects = new FakeProjectDirectory(
            project("acme", ACME_KEY, DASHBOARD), project("globex", GLOBEX_KEY, "https://globex.example/"));
    final RecordingAuthorizationUrls authorizationUrls = new RecordingAuthorizationUrls();
    final ScriptedTokenExchange tokenExchange = new ScriptedTokenExchange(new ExchangeResult.Exchanged(issuedTokens()));
    final ScriptedOauth1Provider oauth1 = new ScriptedOauth1Provider();

    final FakeRetirements retirements = new FakeRetirements();

    final StartConnectionService start = new StartConnectionService(
            projects,
            providers,
            retirements,
            states,
            authorizationUrls,
            oauth1,
            CALLBACK_URIS,
            TTL,
            clock,
            new Random(42),
            audits);
    final CompleteCallbackService callback = new CompleteCallbackService(
            providers,
            states,
            new GrantRedemption(tokenExchange, oauth1, CALLBACK_URIS),
            new CredentialKeeping(cipher, connections, inbox, INBOX_TTL, Events.into(events), heldEvents),
            new InitialSync(syncQueue, connections),
            projects,
            clock,
            audits);
    final InMemoryConnectSessions connectSessions = new InMemoryConnectSessions(clock);
    /** Where the edge says connect pages are opened. */
    static final ConnectPageUris CONNECT_PAGE_URIS =
            token -> URI.create("https://gateway.example.org/v1/wearables/connect-page/" + token.value());

    final OpenConnectSessionService openSession = new OpenConnectSessionService(
            projects, providers, retirements, connectSessions, CONNECT_PAGE_URIS, clock, new Random(7), audits);
    final ConnectPageService connectPage = new ConnectPageService(connectSessions, projects, providers, start, clock);
    final InMemorySyncPoints syncPoints = new InMemorySyncPoints(connections);
    final ListConnectionsService list =
            new ListConnectionsService(projects, connections, inbox, syncPoints, leases, clock, audits);
    final RecoverPendingWorkService recovery = new RecoverPendingWorkService(
            inbox, connections, connections, connections, syncQueue, leases, LEASE, 100, clock, Events.into(events));

    static ConfiguredProvider provider(String slug, Pkce pkce) {
        return new ConfiguredProvider(
                new ProviderSlug(slug),
                slug,
                OAuthVersion.OAUTH_2_0,
                ProviderEndpoints.oauth2(
                        URI.create("https://" + slug + ".example/authorize"),
                        URI.create("https://" + slug + ".example/token"),
                        URI.create("https://" + slug + ".example/api/")),
                new ProviderClient(
                        slug + "-client", new ClientSecret(slug + "-client-secret"), ClientAuthentication.POST),
                ScopePolicy.requesting(List.of("activity")),
                pkce,
                IssuerPolicy.none());
    }

    /** An OAuth 1.0a provider: request-token, authorize and access-token URLs, no PKCE, no scopes. */
    static ConfiguredProvider oauth1Provider(String slug) {
        return new ConfiguredProvider(
                new ProviderSlug(slug),
                slug,
                OAuthVersion.OAUTH_1_0A,
                ProviderEndpoints.oauth1(
                        URI.create("https://" + slug + ".example/request_token"),
                        URI.create("https://" + slug + ".example/oauthConfirm"),
                        URI.create("https://" + slug + ".example/access_token"),
                        URI.create("https://" + slug + ".example/api/")),
                new ProviderClient(
                        slug + "-consumer", new ClientSecret(slug + "-consumer-secret"), ClientAuthentication.BASIC),
                ScopePolicy.requesting(List.of()),
                Pkce.NONE,
                IssuerPolicy.none());
    }

    static Project project(String id, String apiKey, String... allowedPrefixes) {
        return new Project(
                new ProjectId(id),
                List.of(Hashing.sha256(apiKey)),
                java.util.Arrays.stream(allowedPrefixes).map(ReturnUrl::parse).toList());
    }

    static TokenSet issuedTokens() {
        return new TokenSet(
                new AccessToken(ACCESS),
                Optional.of(new RefreshToken(REFRESH)),
                Optional.of(NOW.plusSeconds(3600)),
                List.of("activity"),
                Optional.of("withings-user-42"));
    }

    static ConnectionKey key(String project, String patient, String provider) {
        return new ConnectionKey(new ProjectId(project), new PatientId(patient), new ProviderSlug(provider));
    }

    /** {@code POST /connect} with acme's key. */
    Step<Connecting.Started> connect(String provider, String patientId, String redirectUri, boolean redirectOnError) {
        return start.start(
                Optional.of(new ApiKey(ACME_KEY)),
                provider,
                new ConnectCommand(patientId, redirectUri, redirectOnError));
    }

    /** Acme connects patient 123 to the provider and the patient's browser carries the state to the provider. */
    StateToken startedFor(String provider, String redirectUri, boolean redirectOnError) {
        ok(connect(provider, "123", redirectUri, redirectOnError));
        return authorizationUrls.last().state();
    }

    /** The browser comes back with the given name, value pairs. */
    CallbackAnswer returns(String provider, String... namesAndValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return callback.complete(provider, query);
    }

    /** The patient approved: the provider sends the browser back with the state and a code. */
    CallbackAnswer approves(String provider, StateToken state) {
        return returns(provider, "state", state.value(), "code", CODE);
    }

    /** Stores a connection directly, as an earlier callback would have. */
    void connected(ConnectionKey key) {
        connections.save(new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, ACCESS),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of("activity"),
                Optional.empty(),
                clock.instant()));
    }

    /** Credentials of the connection as a callback at this moment would have sealed them. */
    SealedCredentials sealedNow(ConnectionKey key, String access) {
        return new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, access),
                Optional.of(cipher.seal(key, TokenKind.REFRESH, "refresh-of-" + access)),
                Optional.empty(),
                Optional.empty(),
                List.of("activity"),
                Optional.empty(),
                clock.instant());
    }

    static <T> T ok(Step<T> step) {
        return step.fold(value -> value, rejection -> {
            throw new AssertionError("expected success, got " + rejection);
        });
    }

    static Rejection rejection(Step<?> step) {
        return step.fold(
                value -> {
                    throw new AssertionError("expected a rejection, got " + value);
                },
                rejection -> rejection);
    }

    /** The rejection of a refusal answered directly (not back to the dashboard). */
    static Rejection refusal(CallbackAnswer answer) {
        if (answer.redirect().isPresent()) {
            throw new AssertionError("expected a refusal answered directly, got " + answer);
        }
        return answer.outcome().fold(Gateway::unexpected, Gateway::unexpected, CallbackAnswer.Refused::rejection);
    }

    /** Where the answer sends the browser back to the dashboard. */
    static URI location(CallbackAnswer answer) {
        return answer.redirect().orElseThrow(() -> new AssertionError("expected a redirect, got " + answer));
    }

    /** An outcome answered directly, without a redirect. */
    static CallbackAnswer direct(CallbackAnswer.Outcome outcome) {
        return new CallbackAnswer(outcome, Optional.empty());
    }

    /** Patient 123 connected to the provider. */
    static CallbackAnswer.Connected connected(String provider) {
        return new CallbackAnswer.Connected(new ProviderSlug(provider), new PatientId("123"));
    }

    /** Patient 123's connection to the provider pending a retry. */
    static CallbackAnswer.Pending pending(String provider) {
        return new CallbackAnswer.Pending(new ProviderSlug(provider), new PatientId("123"));
    }

    private static Rejection unexpected(CallbackAnswer.Outcome outcome) {
        throw new AssertionError("expected another outcome, got " + outcome);
    }
}
