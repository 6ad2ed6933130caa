package health.wearables.application.service;

import static health.wearables.application.service.Gateway.ACCESS;
import static health.wearables.application.service.Gateway.CODE;
import static health.wearables.application.service.Gateway.DONE;
import static health.wearables.application.service.Gateway.REFRESH;
import static health.wearables.application.service.Gateway.TTL;
import static health.wearables.application.service.Gateway.connected;
import static health.wearables.application.service.Gateway.direct;
import static health.wearables.application.service.Gateway.key;
import static health.wearables.application.service.Gateway.location;
import static health.wearables.application.service.Gateway.pending;
import static health.wearables.application.service.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.CredentialInboxUnavailable;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.SyncQueueUnavailable;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.AuthorizationCode;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StateToken;
import health.wearables.domain.SyncJob;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.ExchangeResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompleteCallbackServiceTest {
    private static final ConnectionKey ACME_123_WITHINGS = key("acme", "123", "withings");
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final ExchangeResult INVALID_GRANT = new ExchangeResult.Refused("invalid_grant");

    private final Gateway gateway = new Gateway();

    /** The code never went to the provider, so nothing can have been persisted either. */
    private void assertNeverExchanged() {
        assertThat(gateway.tokenExchange.calls()).isZero();
        assertNothingPersisted();
    }

    private void assertNothingPersisted() {
        assertThat(gateway.connections.list(ACME_123_WITHINGS.project(), Optional.empty()))
                .isEmpty();
        assertThat(gateway.syncQueue.jobs()).isEmpty();
    }

    /** A record for acme's patient 123 at withings, expiring after the service's TTL, put straight into the store. */
    private StateToken storedDirectly(Optional<PkceVerifier> verifier, Duration storeTtl) {
        StateToken state = StateToken.mint(new java.util.Random(7));
        gateway.stateStore.put(
                state,
                new PendingAuthorization(
                        ACME_123_WITHINGS.project(),
                        ACME_123_WITHINGS.patient(),
                        ACME_123_WITHINGS.provider(),
                        Optional.empty(),
                        false,
                        verifier,
                        Gateway.NOW.plus(TTL)),
                storeTtl);
        return state;
    }

    /** Refused before the store was asked: the state minted by {@code /connect} is still there, untouched. */
    private void assertStoreNeverAsked() {
        assertThat(gateway.states.takes()).isZero();
        assertThat(gateway.stateStore.size()).isEqualTo(1);
    }

    private void assertSpent(StateToken state) {
        assertThat(refusal(gateway.approves("withings", state)).code()).isEqualTo(RejectionCode.INVALID_STATE);
    }

    // The patient approves

    @Test
    void an_approved_callback_redirects_to_the_dashboard_with_status_connected() {
        StateToken state = gateway.startedFor("withings", DONE, false);

        CallbackAnswer answer = gateway.approves("withings", state);

        assertThat(location(answer)).isEqualTo(URI.create(DONE + "?status=connected&provider=withings&patientId=123"));
        assertThat(location(answer).toString()).doesNotContain(CODE, ACCESS, REFRESH, state.value());
    }

    @Test
    void an_approved_callback_saves_one_connection_whose_ciphertext_opens_to_the_issued_tokens() {
        gateway.approves("withings", gateway.startedFor("withings", DONE, false));

        assertThat(gateway.connections.list(ACME_123_WITHINGS.project(), Optional.empty()))
                .singleElement()
                .satisfies(connection -> assertThat(connection.key()).isEqualTo(ACME_123_WITHINGS));
        SealedCredentials sealed = gateway.connections.find(ACME_123_WITHINGS).orElseThrow();
        assertThat(new String(sealed.accessToken().ciphertext(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(ACCESS);
        assertThat(gateway.cipher.open(ACME_123_WITHINGS, TokenKind.ACCESS, sealed.accessToken()))
                .isEqualTo(ACCESS);
        assertThat(gateway.cipher.open(
                        ACME_123_WITHINGS,
                        TokenKind.REFRESH,
                        sealed.refreshToken().orElseThrow()))
                .isEqualTo(REFRESH);
        assertThat(sealed.accessTokenExpiresAt())
                .isEqualTo(Gateway.issuedTokens().accessTokenExpiresAt());
        assertThat(sealed.connectedAt()).isEqualTo(Gateway.NOW);
    }

    @Test
    void an_approved_callback_queues_one_initial_sync_for_the_saved_connection() {
        gateway.approves("withings", gateway.startedFor("withings", DONE, false));

        String endpointId = gateway.connections
                .list(ACME_123_WITHINGS.project(), Optional.empty())
                .get(0)
                .endpointId();
        assertThat(gateway.syncQueue.jobs()).containsExactly(new SyncJob(ACME_123_WITHINGS, endpointId, Gateway.NOW));
    }

    @Test
    void without_a_return_url_the_connected_outcome_is_answered_directly() {
        StateToken state = gateway.startedFor("withings", null, false);

        CallbackAnswer answer = gateway.returns("withings", "state", state.value(), "code", CODE);

        assertThat(answer).isEqualTo(direct(connected("withings")));
    }

    @Test
    void a_return_url_the_project_no_longer_allows_gets_json_instead_of_a_redirect() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.projects.configure(Gateway.project("acme", Gateway.ACME_KEY, "https://dashboard.example.com/other/"));

        assertThat(gateway.approves("withings", state)).isEqualTo(direct(connected("withings")));
    }

    @Test
    void the_exchange_gets_the_stored_verifier_and_the_public_redirect_uri_whatever_the_callback_says() {
        StateToken state = gateway.startedFor("withings", null, false);
        RecordingAuthorizationUrls.Call authorization = gateway.authorizationUrls.last();

        gateway.returns(
                "withings",
                "state",
                state.value(),
                "code",
                CODE,
                "code_verifier",
                "attacker-chosen-verifier-0000000000000000000000",
                "redirect_uri",
                "https://evil.example/");

        ScriptedTokenExchange.Request request = gateway.tokenExchange.last();
        assertThat(request.code()).isEqualTo(new AuthorizationCode(CODE));
        assertThat(request.verifier()).isPresent().isEqualTo(authorization.verifier());
        assertThat(request.redirectUri())
                .isEqualTo(URI.create("https://gateway.example.org/v1/wearables/withings/callback"))
                .isEqualTo(authorization.redirectUri());
        assertThat(request.provider().slug()).isEqualTo(new ProviderSlug("withings"));
    }

    @Test
    void tenant_parameters_in_the_callback_are_ignored_and_the_stored_record_decides() {
        StateToken state = gateway.startedFor("withings", DONE, false);

        CallbackAnswer answer = gateway.returns(
                "withings",
                "state",
                state.value(),
                "code",
                CODE,
                "project",
                "globex",
                "tenant",
                "globex",
                "patientId",
                "999",
                "user_id",
                "999",
                "redirect_uri",
                "https://globex.example/done");

        assertThat(location(answer)).isEqualTo(URI.create(DONE + "?status=connected&provider=withings&patientId=123"));
        assertThat(gateway.connections.find(ACME_123_WITHINGS)).isPresent();
        assertThat(gateway.connections.list(key("globex", "999", "withings").project(), Optional.empty()))
                .isEmpty();
    }

    // The state

    @Test
    void a_replayed_state_is_refused_without_a_second_token_request() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.approves("withings", state);

        Rejection replay = refusal(gateway.approves("withings", state));

        assertThat(replay.code()).isEqualTo(RejectionCode.INVALID_STATE);
        assertThat(gateway.tokenExchange.calls()).isEqualTo(1);
        assertThat(gateway.syncQueue.jobs()).hasSize(1);
    }

    @Test
    void of_many_concurrent_callbacks_with_one_state_exactly_one_connects_and_one_token_request_is_made()
            throws Exception {
        StateToken state = gateway.startedFor("withings", DONE, false);
        int browsers = 16;
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(browsers);
        try {
            List<Future<CallbackAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < browsers; i++) {
                answers.add(pool.submit(() -> {
                    release.await();
                    return gateway.approves("withings", state);
                }));
            }
            release.countDown();
            List<CallbackAnswer> all = new ArrayList<>();
            for (Future<CallbackAnswer> answer : answers) {
                all.add(answer.get(10, TimeUnit.SECONDS));
            }

            assertThat(all)
                    .filteredOn(answer -> answer.redirect().isPresent())
                    .singleElement()
                    .satisfies(answer -> assertThat(answer.outcome()).isEqualTo(connected("withings")));
            assertThat(all)
                    .filteredOn(answer -> answer.outcome()
                            .fold(
                                    connected -> false,
                                    pending -> false,
                                    refused -> refused.rejection().code() == RejectionCode.INVALID_STATE))
                    .hasSize(browsers - 1);
            assertThat(gateway.tokenExchange.calls()).isEqualTo(1);
            assertThat(gateway.syncQueue.jobs()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_expired_state_is_refused_and_the_code_is_never_exchanged() {
        StateToken state = gateway.startedFor("withings", DONE, true);
        gateway.clock.advance(TTL.plusSeconds(1));

        Rejection rejection = refusal(gateway.approves("withings", state));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_STATE);
        assertNeverExchanged();
    }

    @Test
    void a_record_past_its_expiry_is_refused_even_if_the_store_still_hands_it_out() {
        StateToken state = storedDirectly(Optional.of(new PkceVerifier(VERIFIER)), TTL.multipliedBy(2));
        gateway.clock.advance(TTL);

        assertThat(refusal(gateway.approves("withings", state)).code()).isEqualTo(RejectionCode.INVALID_STATE);
        assertThat(gateway.states.takes()).isEqualTo(1);
        assertThat(gateway.tokenExchange.calls()).isZero();
    }

    @Test
    void an_unknown_state_is_refused_like_an_expired_one() {
        gateway.startedFor("withings", DONE, false);

        Rejection rejection = refusal(gateway.approves("withings", StateToken.mint(new java.util.Random(99))));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_STATE);
        assertThat(gateway.tokenExchange.calls()).isZero();
    }

    @Test
    void a_state_minted_for_one_provider_is_a_mismatch_on_another_and_is_spent() {
        StateToken forFitbit = gateway.startedFor("fitbit", DONE, false);

        Rejection rejection = refusal(gateway.approves("withings", forFitbit));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_MISMATCH);
        assertThat(refusal(gateway.approves("fitbit", forFitbit)).code()).isEqualTo(RejectionCode.INVALID_STATE);
        assertNeverExchanged();
    }

    @Test
    void a_malformed_state_is_an_invalid_request_and_the_store_is_never_asked() {
        StateToken state = gateway.startedFor("withings", DONE, false);

        Rejection rejection = refusal(
                gateway.returns("withings", "state", "%25" + state.value().substring(3), "code", CODE));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        assertStoreNeverAsked();
    }

    @Test
    void a_duplicated_state_is_an_invalid_request_that_leaves_the_state_usable() {
        StateToken state = gateway.startedFor("withings", DONE, false);

        Rejection rejection =
                refusal(gateway.returns("withings", "state", state.value(), "state", state.value(), "code", CODE));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        assertStoreNeverAsked();
        assertThat(gateway.approves("withings", state).redirect()).isPresent();
    }

    @Test
    void a_code_without_state_is_a_missing_parameter_and_neither_store_nor_provider_is_asked() {
        gateway.startedFor("withings", DONE, false);

        Rejection rejection = refusal(gateway.returns("withings", "code", CODE));

        assertThat(rejection.code()).isEqualTo(RejectionCode.MISSING_PARAMETER);
        assertStoreNeverAsked();
        assertThat(gateway.tokenExchange.calls()).isZero();
    }

    @Test
    void an_unknown_provider_leaves_the_state_untouched() {
        StateToken state = gateway.startedFor("withings", DONE, false);

        assertThat(refusal(gateway.approves("garmin", state)).code()).isEqualTo(RejectionCode.UNKNOWN_PROVIDER);
        assertStoreNeverAsked();
    }

    @Test
    void with_the_state_store_down_the_failure_propagates_and_nothing_is_exchanged() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.stateStore.setAvailable(false);

        assertThatThrownBy(() -> gateway.approves("withings", state))
                .isInstanceOf(Unavailable.StateStore.class)
                .hasCauseInstanceOf(StateStoreUnavailable.class);
        assertNeverExchanged();
    }

    @Test
    void a_provider_configured_with_pkce_never_gets_a_token_request_without_a_verifier() {
        StateToken state = storedDirectly(Optional.empty(), TTL);

        assertThat(refusal(gateway.approves("withings", state)).code()).isEqualTo(RejectionCode.PROVIDER_MISMATCH);
        assertNeverExchanged();
    }

    // The provider's answer

    @Test
    void a_declined_consent_is_logged_at_info_and_never_as_a_warning_or_error() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(CompleteCallbackService.class.getName());
        logger.addHandler(handler);
        try {
            gateway.returns("withings", "state", state.value(), "error", "access_denied");
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(records)
                .isNotEmpty()
                .allSatisfy(record -> assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.INFO));
    }

    @Test
    void a_declined_consent_is_a_provider_error_and_nothing_is_exchanged_or_saved() {
        StateToken state = gateway.startedFor("withings", DONE, false);

        Rejection rejection = refusal(gateway.returns(
                "withings",
                "state",
                state.value(),
                "error",
                "access_denied",
                "error_description",
                "The user <b>declined</b>"));

        assertThat(rejection.code()).isEqualTo(RejectionCode.PROVIDER_ERROR);
        assertThat(rejection.providerError()).contains("access_denied");
        assertThat(rejection.message()).doesNotContain("declined</b>");
        assertNeverExchanged();
        assertSpent(state);
    }

    @Test
    void a_missing_code_is_a_missing_parameter_and_the_state_is_spent() {
        StateToken state = gateway.startedFor("withings", DONE, false);

        Rejection rejection = refusal(gateway.returns("withings", "state", state.value()));

        assertThat(rejection.code()).isEqualTo(RejectionCode.MISSING_PARAMETER);
        assertThat(gateway.tokenExchange.calls()).isZero();
        assertSpent(state);
    }

    @Test
    void a_refused_code_is_a_failed_exchange_and_nothing_is_saved() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.tokenExchange.answerWith(INVALID_GRANT);

        Rejection rejection = refusal(gateway.approves("withings", state));

        assertThat(rejection.code()).isEqualTo(RejectionCode.TOKEN_EXCHANGE_FAILED);
        assertThat(rejection.message()).contains("start connecting again");
        assertThat(gateway.tokenExchange.calls()).isEqualTo(1);
        assertNothingPersisted();
    }

    @Test
    void a_failed_exchange_is_not_retried_and_nothing_is_saved() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.tokenExchange.answerWith(new ExchangeResult.Failed("timeout after the request was sent"));

        assertThat(refusal(gateway.approves("withings", state)).code()).isEqualTo(RejectionCode.TOKEN_EXCHANGE_FAILED);
        assertThat(gateway.tokenExchange.calls()).isEqualTo(1);
        assertNothingPersisted();
    }

    // Errors back to the dashboard

    @Test
    void with_redirect_on_error_a_declined_consent_goes_back_to_the_dashboard_with_status_error() {
        StateToken state = gateway.startedFor("withings", DONE, true);

        CallbackAnswer answer = gateway.returns("withings", "state", state.value(), "error", "access_denied");

        assertThat(location(answer))
                .isEqualTo(URI.create(DONE + "?status=error&error=provider_error&provider=withings"));
    }

    @Test
    void with_redirect_on_error_a_failed_exchange_goes_back_to_the_dashboard_with_status_error() {
        StateToken state = gateway.startedFor("withings", DONE, true);
        gateway.tokenExchange.answerWith(INVALID_GRANT);

        assertThat(location(gateway.approves("withings", state)))
                .isEqualTo(URI.create(DONE + "?status=error&error=token_exchange_failed&provider=withings"));
    }

    @Test
    void with_redirect_on_error_a_state_that_cannot_be_verified_is_still_answered_as_json() {
        StateToken state = gateway.startedFor("withings", DONE, true);
        gateway.clock.advance(Duration.ofHours(1));

        assertThat(refusal(gateway.approves("withings", state)).code()).isEqualTo(RejectionCode.INVALID_STATE);
    }

    // After the exchange, a store fails: nothing is lost

    @Test
    void with_the_connection_store_down_the_sealed_credentials_are_held_for_a_retry_and_she_is_told_it_is_pending() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.connections.setAvailable(false);

        CallbackAnswer answer = gateway.approves("withings", state);

        assertThat(location(answer)).isEqualTo(URI.create(DONE + "?status=pending&provider=withings&patientId=123"));
        assertThat(gateway.inbox.contents()).singleElement().satisfies(held -> {
            assertThat(held.key()).isEqualTo(ACME_123_WITHINGS);
            assertThat(new String(held.accessToken().ciphertext(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain(ACCESS);
            assertThat(gateway.cipher.open(ACME_123_WITHINGS, TokenKind.ACCESS, held.accessToken()))
                    .isEqualTo(ACCESS);
            assertThat(gateway.cipher.open(
                            ACME_123_WITHINGS,
                            TokenKind.REFRESH,
                            held.refreshToken().orElseThrow()))
                    .isEqualTo(REFRESH);
            assertThat(held.connectedAt()).isEqualTo(Gateway.NOW);
        });
        assertThat(gateway.syncQueue.jobs())
                .as("the sync is queued when the connection is written")
                .isEmpty();
        gateway.connections.setAvailable(true);
        assertThat(gateway.connections.find(ACME_123_WITHINGS)).isEmpty();
    }

    @Test
    void with_the_connection_store_down_the_platform_is_owed_connection_pending_held_beside_the_credentials() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.connections.setAvailable(false);
        gateway.events.setAvailable(false);

        gateway.approves("withings", state);

        assertThat(gateway.heldEvents.waiting(10)).singleElement().satisfies(held -> {
            assertThat(held.type()).isEqualTo("connection.pending");
            assertThat(held.project()).isEqualTo(ACME_123_WITHINGS.project());
            assertThat(held.recordedAt()).isEqualTo(Gateway.NOW);
            assertThat(held.body()).contains("\"patientId\":\"123\"").contains("\"provider\":\"withings\"");
        });
        gateway.events.setAvailable(true);
        assertThat(gateway.events.entries())
                .as("nothing reached the outbox, which is in the store")
                .isEmpty();
    }

    @Test
    void when_connection_pending_cannot_be_held_she_is_still_told_it_is_pending_and_her_credentials_are_held() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.connections.setAvailable(false);
        gateway.heldEvents.setAvailable(false);

        CallbackAnswer answer = gateway.approves("withings", state);

        assertThat(location(answer)).isEqualTo(URI.create(DONE + "?status=pending&provider=withings&patientId=123"));
        assertThat(gateway.inbox.contents()).hasSize(1);
    }

    @Test
    void with_the_connection_store_down_and_no_return_url_the_pending_outcome_is_answered_directly() {
        StateToken state = gateway.startedFor("withings", null, false);
        gateway.connections.setAvailable(false);

        CallbackAnswer answer = gateway.returns("withings", "state", state.value(), "code", CODE);

        assertThat(answer).isEqualTo(direct(pending("withings")));
    }

    @Test
    void with_the_connection_store_and_the_inbox_down_the_failure_propagates_after_one_token_request() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.connections.setAvailable(false);
        gateway.inbox.setAvailable(false);

        assertThatThrownBy(() -> gateway.approves("withings", state))
                .isInstanceOf(Unavailable.CredentialInbox.class)
                .hasCauseInstanceOf(CredentialInboxUnavailable.class);
        assertThat(gateway.tokenExchange.calls()).isEqualTo(1);
        assertThat(gateway.syncQueue.jobs()).isEmpty();
    }

    @Test
    void with_the_sync_queue_down_she_is_connected_and_the_sync_is_recorded_with_the_stored_connection() {
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.syncQueue.setAvailable(false);

        CallbackAnswer answer = gateway.approves("withings", state);

        assertThat(location(answer)).isEqualTo(URI.create(DONE + "?status=connected&provider=withings&patientId=123"));
        assertThat(gateway.connections.find(ACME_123_WITHINGS)).isPresent();
        assertThat(gateway.connections.syncPending(10))
                .extracting(connection -> connection.key())
                .containsExactly(ACME_123_WITHINGS);
        assertThat(gateway.inbox.contents()).isEmpty();
    }

    @Test
    void when_the_sync_can_be_neither_queued_nor_recorded_she_is_still_connected_since_the_connection_is_stored() {
        StateToken state = gateway.startedFor("withings", null, false);
        SyncQueue queueFailingWithTheStore = job -> {
            gateway.connections.setAvailable(false); // the store goes down right after the save
            throw new SyncQueueUnavailable("sync queue down", null);
        };
        CompleteCallbackService callback = new CompleteCallbackService(
                gateway.providers,
                gateway.states,
                new GrantRedemption(gateway.tokenExchange, gateway.oauth1, Gateway.CALLBACK_URIS),
                new CredentialKeeping(
                        gateway.cipher,
                        gateway.connections,
                        gateway.inbox,
                        Gateway.INBOX_TTL,
                        Events.discarded(),
                        gateway.heldEvents),
                new InitialSync(queueFailingWithTheStore, gateway.connections),
                gateway.projects,
                gateway.clock,
                gateway.audits);

        CallbackAnswer answer =
                callback.complete("withings", java.util.Map.of("state", List.of(state.value()), "code", List.of(CODE)));

        assertThat(answer).isEqualTo(direct(connected("withings")));
        gateway.connections.setAvailable(true);
        assertThat(gateway.connections.find(ACME_123_WITHINGS)).isPresent();
        assertThat(gateway.inbox.contents()).isEmpty();
    }
}
