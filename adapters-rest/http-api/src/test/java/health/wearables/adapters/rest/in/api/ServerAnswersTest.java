package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(answer.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void a_get_of_the_connect_route_is_405_allow_post() {
        Answer answer = api.get("/v1/wearables/withings/connect");

        answer.isError(405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertThat(api.startConnection.calls()).isEmpty();
    }

    @Test
    void an_answer_a_client_will_not_accept_is_406_in_json_all_the_same() {
        Answer answer = api.get(
                "/v1/wearables/providers", "Accept", "text/html", "Authorization", "Bearer " + ApiServer.API_KEY);

        answer.isError(406, "NOT_ACCEPTABLE");
        assertThat(api.listProviders.calls()).isEmpty();
    }

    @Test
    void a_body_of_the_wrong_media_type_is_415_saying_what_to_send() {
        Answer answer = api.send(
                "POST",
                "/v1/wearables/withings/connect",
                "patientId=p-1",
                "Content-Type",
                "text/plain",
                "Authorization",
                "Bearer " + ApiServer.API_KEY);

        answer.isError(415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(answer.message()).contains("application/json");
    }

    @Test
    void options_on_a_callback_route_is_405_in_the_error_shape() {
        Answer answer = api.send("OPTIONS", "/v1/wearables/withings/callback?code=c&state=s", null);

        answer.isError(405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).contains("GET");
    }

    @ParameterizedTest
    @CsvSource({
        "400, INVALID_REQUEST",
        "404, NOT_FOUND",
        "405, METHOD_NOT_ALLOWED",
        "413, INVALID_REQUEST",
        "415, UNSUPPORTED_MEDIA_TYPE",
        "500, INTERNAL_ERROR",
        "503, INTERNAL_ERROR",
    })
    void an_error_the_servlet_container_answers_itself_is_in_the_error_shape_too(int status, String code) {
        Answer answer = api.get(ContainerRefusals.PATH + "/" + status);

        answer.isError(status, code);
        assertThat(answer.body()).doesNotContain("<b>").doesNotContain("container's own text");
    }

    @Test
    void a_failure_no_one_catches_is_500_in_the_error_shape_without_its_text() {
        Answer answer = api.send("POST", ContainerRefusals.PATH + "/throw", "{}", "Content-Type", "application/json");

        answer.isError(500, "INTERNAL_ERROR");
        assertThat(answer.body()).doesNotContain("ya29");
    }

    @Test
    void the_error_page_asked_for_directly_is_just_nothing_here() {
        api.get(ErrorPageServlet.PATH).isError(404, "NOT_FOUND");
        api.send("DELETE", ErrorPageServlet.PATH, null).isError(404, "NOT_FOUND");
    }
}
