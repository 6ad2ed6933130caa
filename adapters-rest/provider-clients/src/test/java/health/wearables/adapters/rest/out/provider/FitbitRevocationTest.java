package health.wearables.adapters.rest.out.provider;

import static health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.ProviderSimulator.RecordedRequest;
import health.wearables.adapters.rest.out.provider.ProviderSimulator.TokenIn;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.callback.ExchangeResult.Refused;
import health.wearables.domain.lifecycle.RevocationOutcome.Failed;
import health.wearables.domain.lifecycle.RevocationOutcome.Revoked;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7009 as Fitbit documents it: {@code POST /oauth2/revoke} beside the token endpoint, Basic client auth. */
class FitbitRevocationTest extends SimulatedProviderTest {
    private static final String REVOKE = "/oauth2/revoke";

    FitbitRevocationTest() {
        super(FitbitQuirks.DEFAULTS);
    }

    private void revocationAnswers() {
        simulator.answer(REVOKE, simulator.revocation(TokenIn.FORM_TOKEN, 200, 200));
    }

    @Test
    void the_documented_endpoint_is_beside_the_token_endpoint() {
        DocumentedRevocations.assertRevokesAt(FitbitQuirks.DEFAULTS, "https://api.fitbit.com/oauth2/revoke");
    }

    @Test
    void the_refresh_token_is_revoked_once_with_basic_client_authentication() {
        revocationAnswers();

        assertThat(revoke(tokens("fitbit-access", Optional.of("fitbit-refresh"))))
                .isEqualTo(new Revoked());

        RecordedRequest request = theOnlyRequest(REVOKE);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
        assertThat(request.form())
                .containsEntry("token", "fitbit-refresh")
                .containsEntry("token_type_hint", "refresh_token")
                .doesNotContainValue("fitbit-access");
        assertBasicClientAuthentication(request);
        assertThat(simulator.revokedTokens()).containsExactly("fitbit-refresh");
    }

    @Test
    void without_a_refresh_token_the_access_token_is_revoked() {
        revocationAnswers();

        assertThat(revoke(tokens("fitbit-access", Optional.empty()))).isEqualTo(new Revoked());

        assertThat(theOnlyRequest(REVOKE).form())
                .containsEntry("token", "fitbit-access")
                .containsEntry("token_type_hint", "access_token");
    }

    @Test
    void a_token_the_server_no_longer_knows_is_revoked_too() {
        revocationAnswers();
        revoke(tokens("fitbit-access", Optional.of("fitbit-refresh")));

        assertThat(revoke(tokens("fitbit-access", Optional.of("fitbit-refresh"))))
                .isEqualTo(new Revoked());
        assertThat(simulator.requests(REVOKE)).hasSize(2);
    }

    @Test
    void a_server_that_does_not_revoke_refresh_tokens_gets_the_access_token_next() {
        simulator.answer(REVOKE, exchange -> {
            if ("refresh_token"
                    .equals(ProviderSimulator.recorded(exchange).form().get("token_type_hint"))) {
                json(400, "{\"error\":\"unsupported_token_type\"}").respond(exchange);
            } else {
                simulator.revocation(TokenIn.FORM_TOKEN, 200, 200).respond(exchange);
            }
        });

        assertThat(revoke(tokens("fitbit-access", Optional.of("fitbit-refresh"))))
                .isEqualTo(new Revoked());

        List<RecordedRequest> requests = simulator.requests(REVOKE);
        assertThat(requests).extracting(r -> r.form().get("token")).containsExactly("fitbit-refresh", "fitbit-access");
        assertThat(simulator.revokedTokens()).containsExactly("fitbit-access");
    }

    @Test
    void a_server_that_revokes_neither_token_type_is_a_failure_not_asked_again() {
        simulator.answer(REVOKE, json(400, "{\"error\":\"unsupported_token_type\"}"));

        assertThat(revoke(tokens("fitbit-access", Optional.of("fitbit-refresh"))))
                .isEqualTo(
                        new Failed("revocation endpoint revokes neither token type (unsupported_token_type)", false));
        assertThat(simulator.requests(REVOKE)).hasSize(2);
    }

    @Test
    void a_503_is_asked_again_and_the_next_request_revokes() {
        revocationAnswers();
        simulator.failNextRevocations(1);

        assertThat(revoke(tokens("fitbit-access", Optional.of("fitbit-refresh"))))
                .isEqualTo(new Failed("revocation endpoint answered HTTP 503", true));
        assertThat(simulator.revokedTokens()).isEmpty();

        assertThat(revoke(tokens("fitbit-access", Optional.of("fitbit-refresh"))))
                .isEqualTo(new Revoked());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 504})
    void rate_limits_and_server_errors_are_asked_again(int status) {
        simulator.answer(REVOKE, json(status, "{\"error\":\"fitbit-refresh client-secret-7f3a-DO-NOT-LOG\"}"));

        assertThat(revoke(tokens("fitbit-access", Optional.of("fitbit-refresh"))))
                .isEqualTo(new Failed("revocation endpoint answered HTTP " + status, true));
        theOnlyRequest(REVOKE);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404})
    void other_refusals_are_not_asked_again_and_quote_nothing(int status) {
        simulator.answer(REVOKE, json(status, "{\"error\":\"invalid_client\",\"echo\":\"fitbit-refresh\"}"));

        assertThat(revoke(tokens("fitbit-access", Optional.of("fitbit-refresh"))))
                .isEqualTo(new Failed("revocation endpoint answered HTTP " + status, false));
        theOnlyRequest(REVOKE);
    }

    @Test
    void a_hanging_endpoint_is_a_timeout_asked_again() {
        revocationAnswers();
        simulator.hangRevocations(true);

        assertThat(revoke(provider(), tokens("fitbit-access", Optional.of("fitbit-refresh")), SHORT_DEADLINE))
                .isEqualTo(new Failed("revocation request failed: no complete answer within 500 ms", true));
    }

    @Test
    void a_refused_connection_is_asked_again() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }

        assertThat(revoke(
                        revokingAt(URI.create("http://127.0.0.1:" + closed + REVOKE)),
                        tokens("fitbit-access", Optional.of("fitbit-refresh")),
                        LIMITS))
                .isInstanceOfSatisfying(
                        Failed.class, failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void a_configured_revocation_url_replaces_the_documented_place() {
        simulator.answer("/proxy/revoke", simulator.revocation(TokenIn.FORM_TOKEN, 200, 200));

        assertThat(revoke(
                        revokingAt(simulator.baseUri().resolve("/proxy/revoke")),
                        tokens("fitbit-access", Optional.of("fitbit-refresh")),
                        LIMITS))
                .isEqualTo(new Revoked());
        assertThat(simulator.requests(REVOKE)).isEmpty();
        theOnlyRequest("/proxy/revoke");
    }

    @Test
    void a_revoked_refresh_token_no_longer_refreshes() {
        tokenAnswers(simulator.rotatingRefreshTokens("fitbit-refresh"));
        revocationAnswers();

        revoke(tokens("fitbit-access", Optional.of("fitbit-refresh")));

        assertThat(refresh(new RefreshToken("fitbit-refresh"))).isEqualTo(new Refused("invalid_grant"));
    }
}
