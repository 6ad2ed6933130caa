package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.DisconnectConnection.Disconnected;
import health.wearables.application.port.in.Unavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.RejectionCode;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DisconnectEndpointTest {
    private static final String PATH = "/v1/wearables/whoop/connections/amara-1";
    private static ApiServer api;

    @BeforeAll
    static void start() {
        api = ApiServer.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
    }

    private static Answer delete(String path) {
        return api.send("DELETE", path, null, "Authorization", "Bearer " + ApiServer.API_KEY);
    }

    @Test
    void an_ended_connection_is_204_without_a_body_and_so_is_one_ended_before() {
        Answer answer = delete(PATH);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        api.disconnect.answers(Disconnected.ALREADY_ENDED);
        assertThat(delete(PATH).status()).isEqualTo(204);
        assertThat(api.disconnect.calls())
                .first()
                .isEqualTo(new ScriptedDisconnect.Call(
                        Optional.of(new ApiKey(ApiServer.API_KEY)), "whoop", "amara-1", false));
    }

    @Test
    void purge_true_is_passed_on_and_any_other_value_than_true_or_false_is_422_and_nothing_is_asked() {
        delete(PATH + "?purge=true");
        Answer typo = delete(PATH + "?purge=yes");

        typo.isError(422, "VALIDATION_FAILED");
        assertThat(api.disconnect.calls())
                .singleElement()
                .extracting(ScriptedDisconnect.Call::purge)
                .isEqualTo(true);
    }

    @Test
    void a_connection_the_project_does_not_have_is_404_connection_not_found_without_echo() {
        api.disconnect.answers(Disconnected.NOT_FOUND);

        Answer answer = delete("/v1/wearables/whoop/connections/%3Cscript%3Emallory");

        answer.isError(404, "CONNECTION_NOT_FOUND");
        assertThat(answer.body()).doesNotContain("script").doesNotContain("mallory");
    }

    @Test
    void without_a_valid_key_it_is_401() {
        api.disconnect.refuses(RejectionCode.UNAUTHORIZED);

        api.send("DELETE", PATH, null).isError(401, "UNAUTHORIZED");
    }

    @Test
    void stores_that_cannot_be_reached_are_503_with_retry_after() {
        api.disconnect.fails(new Unavailable.RevocationStore("redis down", null));
        Answer revocations = delete(PATH);
        api.disconnect.fails(new Unavailable.ConnectionStore("database down", null));
        Answer connections = delete(PATH);

        revocations.isError(503, "REVOCATION_STORE_UNAVAILABLE");
        assertThat(revocations.header("Retry-After")).contains("5");
        connections.isError(503, "CONNECTION_STORE_UNAVAILABLE");
        assertThat(revocations.body()).doesNotContain("redis down");
    }
}
