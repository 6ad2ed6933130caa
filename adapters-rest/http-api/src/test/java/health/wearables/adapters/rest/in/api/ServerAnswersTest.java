package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the server answers by itself, before any resource runs: in the API's error shape like everything else. */
class ServerAnswersTest {
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

    @Test
    void a_path_no_route_matches_is_404() {
        api.get("/v1/wearables").isError(404, "NOT_FOUND");
        api.get("/nothing/here?state=abc").isError(404, "NOT_FOUND");
        api.send("POST", "/v1/wearables/withings/connect/extra", "{}", "Content-Type", "application/json")
                .isError(404, "NOT_FOUND");
    }

    @Test
    void a_method_a_route_does_not_take_is_405_naming_the_ones_it_does() {
        Answer answer = api.send("DELETE", "/v1/wearables/providers", null);

        answer.isError(405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void a_get_of_the_connect_route_is_405_allow_post() {
        Answer answer = api.get("/v1/wearables/withings/connect");

        answer.isError(405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertThat(api.startConnection.calls()).isEmpty();
    }
}
