package health.wearables.application.service;

import static health.wearables.application.service.Gateway.CALLBACK_URIS;
import static health.wearables.application.service.Gateway.DONE;
import static health.wearables.application.service.Gateway.key;
import static health.wearables.application.service.Gateway.ok;
import static health.wearables.application.service.Gateway.rejection;
import static health.wearables.application.service.ScriptedOauth1Provider.TOKEN;
import static health.wearables.application.service.ScriptedOauth1Provider.TOKEN_SECRET;
import static health.wearables.application.service.ScriptedOauth1Provider.temporarySecret;
import static health.wearables.application.service.ScriptedOauth1Provider.temporaryToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.Connecting;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.Oauth1Verifier;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StateToken;
import health.wearables.domain.callback.CallbackAnswer;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.Grant;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OAuth 1.0a (RFC 5849) through both use cases: temporary credentials at connect, token credentials at the callback. */
class Oauth1FlowTest {
    private static final String PROVIDER = "garmin-legacy";
    private static final ConnectionKey ACME_123 = key("acme", "123", PROVIDER);
    private static final String VERIFIER = "hfdp7dh39dks9884";

    private final Gateway gateway = new Gateway();

    private CallbackAnswer comesBack(String... namesAndValues) {
        return gateway.returns(PROVIDER, namesAndValues);
    }

    @Test
    void connect_asks_for_temporary_credentials_with_the_public_callback_and_answers_the_providers_url() {
        Connecting.Started started = ok(gateway.connect(PROVIDER, "123", DONE, false));

        assertThat(gateway.oauth1.temporaryRequests())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.callbackUri()).isEqualTo(CALLBACK_URIS.callbackFor(ACME_123.provider())));
        assertThat(started.authorizationUrl())
                .isEqualTo(URI.create("https://garmin-legacy.example/oauthConfirm?oauth_token=" + temporaryToken(1)));
        assertThat(started.expiresAt()).isEqualTo(Gateway.NOW.plus(Gateway.TTL));
        assertThat(gateway.authorizationUrls.calls()).isEmpty();
    }

    @Test
    void the_temporary_secret_is_stored_single_use_under_the_temporary_token_for_this_patient() {
        ok(gateway.connect(PROVIDER, "123", DONE, true));

        PendingAuthorization stored =
                gateway.stateStore.take(new Oauth1Token(temporaryToken(1))).orElseThrow();
        assertThat(stored.connectionKey()).isEqualTo(ACME_123);
        assertThat(stored.temporarySecret()).contains(new Oauth1TokenSecret(temporarySecret(1)));
        assertThat(stored.pkceVerifier()).isEmpty();
        assertThat(stored.redirectOnError()).isTrue();
        assertThat(gateway.stateStore.take(new Oauth1Token(temporaryToken(1)))).isEmpty();
    }

    @Test
    void without_temporary_credentials_connect_fails_and_nothing_is_stored() {
        gateway.oauth1.refuseTemporaryCredentials();

        assertThat(rejection(gateway.connect(PROVIDER, "123", DONE, false)).code())
                .isEqualTo(RejectionCode.TOKEN_EXCHANGE_FAILED);
        assertThat(gateway.states.puts()).isZero();
    }

    @Test
    void with_the_state_store_down_connect_fails_closed() {
        gateway.stateStore.setAvailable(false);

        assertThatThrownBy(() -> gateway.connect(PROVIDER, "123", DONE, false))
                .isInstanceOf(Unavailable.StateStore.class)
                .hasCauseInstanceOf(StateStoreUnavailable.class);
    }

    @Test
    void the_callback_signs_with_the_stored_secret_and_saves_token_and_token_secret_sealed() {
        ok(gateway.connect(PROVIDER, "123", DONE, false));

        CallbackAnswer answer = comesBack("oauth_token", temporaryToken(1), "oauth_verifier", VERIFIER);

        assertThat(answer)
                .isEqualTo(new CallbackAnswer(
                        Gateway.connected(PROVIDER),
                        Optional.of(URI.create(DONE + "?status=connected&provider=garmin-legacy&patientId=123"))));
        assertThat(gateway.oauth1.tokenRequests())
                .containsExactly(new Grant.Oauth1Grant(
                        new Oauth1Token(temporaryToken(1)),
                        new Oauth1TokenSecret(temporarySecret(1)),
                        new Oauth1Verifier(VERIFIER)));
        SealedCredentials saved = gateway.connections.find(ACME_123).orElseThrow();
        assertThat(gateway.cipher.open(ACME_123, TokenKind.ACCESS, saved.accessToken()))
                .isEqualTo(TOKEN);
        assertThat(gateway.cipher.open(
                        ACME_123, TokenKind.TOKEN_SECRET, saved.tokenSecret().orElseThrow()))
                .isEqualTo(TOKEN_SECRET);
        assertThat(saved.refreshToken()).isEmpty();
        assertThat(saved.accessTokenExpiresAt()).isEmpty();
        assertThat(gateway.syncQueue.jobs()).hasSize(1);
        assertThat(gateway.tokenExchange.calls()).isZero();
    }

    @Test
    void a_replayed_oauth_token_is_refused_without_a_second_token_request() {
        ok(gateway.connect(PROVIDER, "123", DONE, false));
        comesBack("oauth_token", temporaryToken(1), "oauth_verifier", VERIFIER);

        CallbackAnswer replay = comesBack("oauth_token", temporaryToken(1), "oauth_verifier", VERIFIER);

        assertThat(Gateway.refusal(replay).code()).isEqualTo(RejectionCode.INVALID_STATE);
        assertThat(gateway.oauth1.tokenRequests()).hasSize(1);
    }

    @Test
    void an_unknown_oauth_token_is_refused_and_the_provider_never_asked() {
        CallbackAnswer answer = comesBack("oauth_token", "never-issued", "oauth_verifier", VERIFIER);

        assertThat(Gateway.refusal(answer).code()).isEqualTo(RejectionCode.INVALID_STATE);
        assertThat(gateway.oauth1.tokenRequests()).isEmpty();
    }

    @Test
    void a_missing_verifier_or_token_is_a_missing_parameter_and_the_record_stays_usable() {
        ok(gateway.connect(PROVIDER, "123", DONE, false));

        for (CallbackAnswer answer : new CallbackAnswer[] {
            comesBack("oauth_token", temporaryToken(1)), comesBack("oauth_verifier", VERIFIER), comesBack()
        }) {
            assertThat(Gateway.refusal(answer).code()).isEqualTo(RejectionCode.MISSING_PARAMETER);
        }
        assertThat(gateway.states.takes()).isZero();
        assertThat(comesBack("oauth_token", temporaryToken(1), "oauth_verifier", VERIFIER)
                        .redirect())
                .isPresent();
    }

    @Test
    void an_oauth_token_brought_to_an_oauth2_provider_is_not_a_state() {
        ok(gateway.connect(PROVIDER, "123", DONE, false));

        CallbackAnswer answer =
                gateway.returns("withings", "oauth_token", temporaryToken(1), "oauth_verifier", VERIFIER);

        assertThat(Gateway.refusal(answer).code()).isEqualTo(RejectionCode.MISSING_PARAMETER);
        assertThat(gateway.states.takes()).isZero();
    }

    @Test
    void a_state_of_an_oauth2_flow_never_opens_a_1_0a_record_and_back() {
        ok(gateway.connect(PROVIDER, "123", DONE, false));
        StateToken state = gateway.startedFor("withings", DONE, false);

        // The same text can't cross kinds: the two namespaces keep the records apart.
        assertThat(gateway.stateStore.take(new Oauth1Token(state.value()))).isEmpty();
        assertThat(gateway.stateStore.take(state)).isPresent();
        assertThat(gateway.stateStore.take(new Oauth1Token(temporaryToken(1)))).isPresent();
    }

    @Test
    void a_refused_token_request_is_a_failed_exchange_and_nothing_is_saved() {
        ok(gateway.connect(PROVIDER, "123", DONE, false));
        gateway.oauth1.answerWith(new ExchangeResult.Refused("401"));

        CallbackAnswer answer = comesBack("oauth_token", temporaryToken(1), "oauth_verifier", VERIFIER);

        assertThat(Gateway.refusal(answer).code()).isEqualTo(RejectionCode.TOKEN_EXCHANGE_FAILED);
        assertThat(gateway.connections.find(ACME_123)).isEmpty();
        assertThat(gateway.syncQueue.jobs()).isEmpty();
    }

    @Test
    void a_record_minted_for_an_oauth2_provider_under_the_same_text_is_a_mismatch() {
        Oauth1Token token = new Oauth1Token("shared-text-token");
        gateway.stateStore.put(
                token,
                new PendingAuthorization(
                        ACME_123.project(),
                        ACME_123.patient(),
                        ACME_123.provider(),
                        Optional.empty(),
                        false,
                        Optional.empty(),
                        Gateway.NOW.plus(Gateway.TTL)),
                Gateway.TTL);

        CallbackAnswer answer = comesBack("oauth_token", token.value(), "oauth_verifier", VERIFIER);

        assertThat(Gateway.refusal(answer).code()).isEqualTo(RejectionCode.PROVIDER_MISMATCH);
        assertThat(gateway.oauth1.tokenRequests()).isEmpty();
    }
}
