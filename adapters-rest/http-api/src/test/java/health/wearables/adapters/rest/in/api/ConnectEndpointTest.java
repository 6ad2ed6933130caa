package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.StartConnection.ConnectCommand;
import health.wearables.application.port.in.Unavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/wearables/{provider}/connect}: what a platform sends and what it gets back. */
class ConnectEndpointTest {
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
    void a_started_connection_is_201_with_the_authorization_url_and_its_expiry() {
        Answer answer = api.connect("withings", "{\"patientId\":\"p-1\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject body = answer.object();
        assertThat(body.keySet()).containsExactly("authorizationUrl", "expiresAt");
        assertThat(body.getString("authorizationUrl"))
                .isEqualTo(ScriptedStartConnection.STARTED.authorizationUrl().toString());
        assertThat(body.getString("expiresAt")).isEqualTo("2026-11-21T10:10:00Z");
    }

    @Test
    void the_use_case_gets_the_key_the_provider_and_the_body_as_a_command() {
        api.connect(
                "withings",
                "{\"patientId\":\"p-1\",\"redirectUri\":\"https://dash.example/done\"," + "\"redirectOnError\":true}");

        assertThat(api.startConnection.calls())
                .containsExactly(new ScriptedStartConnection.Call(
                        Optional.of(new ApiKey(ApiServer.API_KEY)),
                        "withings",
                        new ConnectCommand("p-1", "https://dash.example/done", true)));
    }

    @Test
    void optional_fields_may_be_null_or_left_out_and_unknown_fields_are_ignored() {
        api.connect(
                "withings",
                "{\"patientId\":\"p-1\",\"redirectUri\":null,\"redirectOnError\":null,\"colour\":\"blue\"}");
        api.connect("withings", "{\"patientId\":\"p-2\"}");

        assertThat(api.startConnection.calls())
                .extracting(ScriptedStartConnection.Call::command)
                .containsExactly(new ConnectCommand("p-1", null, false), new ConnectCommand("p-2", null, false));
    }

    @Test
    void without_an_api_key_the_use_case_decides_and_the_answer_is_401_with_a_bearer_challenge() {
        api.startConnection.refuses(RejectionCode.UNAUTHORIZED, "A valid project API key is required.");

        Answer answer = api.send(
                "POST",
                "/v1/wearables/withings/connect",
                "{\"patientId\":\"p-1\"}",
                "Content-Type",
                "application/json");

        answer.isError(401, "UNAUTHORIZED");
        assertThat(answer.header("WWW-Authenticate")).contains("Bearer realm=\"wearables\"");
        assertThat(api.startConnection.calls())
                .extracting(ScriptedStartConnection.Call::apiKey)
                .containsExactly(Optional.empty());
    }

    @Test
    void an_authorization_header_that_is_not_bearer_is_no_key() {
        api.send(
                "POST",
                "/v1/wearables/withings/connect",
                "{\"patientId\":\"p-1\"}",
                "Content-Type",
                "application/json",
                "Authorization",
                "Basic YWNtZTprZXk=");

        assertThat(api.startConnection.calls())
                .extracting(ScriptedStartConnection.Call::apiKey)
                .containsExactly(Optional.empty());
    }

    @Test
    void an_unknown_provider_is_404() {
        api.startConnection.refuses(RejectionCode.UNKNOWN_PROVIDER, "No provider 'nosuchvendor' is configured.");

        api.connect("nosuchvendor", "{\"patientId\":\"p-1\"}").isError(404, "UNKNOWN_PROVIDER");
    }

    @Test
    void a_retired_provider_is_410_naming_its_successor_in_the_message_and_as_error_successor() {
        api.startConnection.refuses(Rejection.of(
                        RejectionCode.PROVIDER_RETIRED,
                        "Provider 'fitbit' was retired on 2026-10-30; connect with 'google-health' instead.")
                .withSuccessor(new ProviderSlug("google-health")));

        Answer answer = api.connect("fitbit", "{\"patientId\":\"p-1\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(410);
        assertThat(answer.object().keySet()).containsExactly("error");
        JsonObject error = answer.object().getJsonObject("error");
        assertThat(error.keySet()).containsExactly("code", "message", "successor");
        assertThat(error.getString("code")).isEqualTo("PROVIDER_RETIRED");
        assertThat(error.getString("message"))
                .isEqualTo("Provider 'fitbit' was retired on 2026-10-30; connect with 'google-health' instead.");
        assertThat(error.getString("successor")).isEqualTo("google-health");
    }

    @Test
    void a_retired_provider_without_a_successor_is_410_without_the_member() {
        api.startConnection.refuses(
                RejectionCode.PROVIDER_RETIRED,
                "Provider 'acme-watch' was retired on 2026-10-30 and takes no new connections.");

        Answer answer = api.connect("acme-watch", "{\"patientId\":\"p-1\"}").isError(410, "PROVIDER_RETIRED");

        assertThat(answer.object().getJsonObject("error").keySet()).containsExactly("code", "message");
    }

    @Test
    void a_request_the_use_case_finds_invalid_is_422() {
        api.startConnection.refuses(RejectionCode.VALIDATION_FAILED, "redirectUri is not allowed.");

        Answer answer = api.connect("withings", "{\"patientId\":\"p-1\",\"redirectUri\":\"https://evil.example/\"}");

        answer.isError(422, "VALIDATION_FAILED");
        assertThat(answer.message()).isEqualTo("redirectUri is not allowed.");
    }

    @Test
    void an_oauth1_provider_that_gives_no_temporary_credentials_is_502() {
        api.startConnection.refuses(RejectionCode.TOKEN_EXCHANGE_FAILED, "The provider gave no temporary credentials.");

        api.connect("garmin-legacy", "{\"patientId\":\"p-1\"}").isError(502, "TOKEN_EXCHANGE_FAILED");
    }

    @Test
    void a_state_store_that_cannot_be_reached_is_503_with_retry_after_and_no_authorization_url() {
        api.startConnection.fails(
                new Unavailable.StateStore("redis://10.0.0.7:6379 timed out", new RuntimeException()));

        Answer answer = api.connect("withings", "{\"patientId\":\"p-1\"}");

        answer.isError(503, "STATE_STORE_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).contains("5");
        assertThat(answer.body()).doesNotContain("authorizationUrl").doesNotContain("10.0.0.7");
    }

    @Test
    void an_unexpected_failure_is_500_without_its_text() {
        api.startConnection.fails(new IllegalStateException("database password is hunter2"));

        Answer answer = api.connect("withings", "{\"patientId\":\"p-1\"}");

        answer.isError(500, "INTERNAL_ERROR");
        assertThat(answer.body()).doesNotContain("hunter2");
    }

    // The body, checked before the use case is asked: each way it can be wrong is a 422 that says which.

    @Test
    void no_body_is_422() {
        assertBodyRefused(null, "A JSON body with patientId is required.");
    }

    @Test
    void a_blank_body_is_422() {
        assertBodyRefused(" \n\t ", "A JSON body with patientId is required.");
    }

    @Test
    void a_body_over_16_kib_is_422() {
        assertBodyRefused(
                "{\"patientId\":\"p-1\",\"padding\":\"" + "x".repeat(ConnectBody.MAX_LENGTH) + "\"}",
                "The body is larger than 16384 characters.");
    }

    @Test
    void malformed_json_is_422() {
        assertBodyRefused("{\"patientId\":", "The body is not valid JSON.");
    }

    @Test
    void json_that_is_not_an_object_is_422() {
        assertBodyRefused("[\"p-1\"]", "The body must be a JSON object.");
    }

    @Test
    void a_body_without_patient_id_is_422() {
        assertBodyRefused("{\"patient\":\"p-1\"}", "patientId is required and must be a string.");
    }

    @Test
    void a_patient_id_that_is_not_a_string_is_422() {
        assertBodyRefused("{\"patientId\":123}", "patientId is required and must be a string.");
    }

    @Test
    void a_redirect_uri_that_is_not_a_string_is_422() {
        assertBodyRefused(
                "{\"patientId\":\"p-1\",\"redirectUri\":{\"href\":\"https://dash.example/\"}}",
                "redirectUri must be a string.");
    }

    @Test
    void a_redirect_on_error_that_is_not_a_boolean_is_422() {
        assertBodyRefused(
                "{\"patientId\":\"p-1\",\"redirectUri\":\"https://dash.example/\",\"redirectOnError\":\"yes\"}",
                "redirectOnError must be true or false.");
    }

    @Test
    void a_bad_body_from_a_caller_without_a_valid_key_is_401_and_says_nothing_about_the_body() {
        Answer withoutKey =
                api.send("POST", "/v1/wearables/withings/connect", "{not json", "Content-Type", "application/json");
        Answer wrongKey = api.send(
                "POST",
                "/v1/wearables/withings/connect",
                "{not json",
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer someone-elses-key");

        withoutKey.isError(401, "UNAUTHORIZED");
        wrongKey.isError(401, "UNAUTHORIZED");
        assertThat(withoutKey.header("WWW-Authenticate")).isPresent();
        assertThat(withoutKey.body() + wrongKey.body()).doesNotContain("JSON");
        assertThat(api.startConnection.calls()).isEmpty();
    }

    @Test
    void a_key_named_twice_is_422_whichever_value_would_have_won() {
        assertBodyRefused("{\"patientId\":\"a\",\"patientId\":\"b\"}", "patientId appears more than once in the body.");
        assertBodyRefused(
                "{\"patientId\":\"a\",\"redirectUri\":null,\"redirectUri\":\"https://evil.example/\"}",
                "redirectUri appears more than once in the body.");
    }

    @Test
    void a_key_named_twice_anywhere_is_422_without_repeating_what_the_caller_sent() {
        Answer answer = api.connect("withings", "{\"patientId\":\"a\",\"extra\":[{\"<script>\":1,\"<script>\":2}]}");

        answer.isError(422, "VALIDATION_FAILED");
        assertThat(answer.message()).isEqualTo("A key appears more than once in the body.");
        assertThat(api.startConnection.calls()).isEmpty();
    }

    @Test
    void the_same_key_in_different_objects_is_not_a_repetition() {
        api.connect("withings", "{\"patientId\":\"p-1\",\"a\":{\"patientId\":\"x\"},\"b\":[{\"k\":1},{\"k\":2}]}");

        assertThat(api.startConnection.calls())
                .extracting(call -> call.command().patientId())
                .containsExactly("p-1");
    }

    @Test
    void a_body_that_is_not_json_is_415_before_the_use_case_is_asked() {
        Answer answer = api.send(
                "POST",
                "/v1/wearables/withings/connect",
                "{\"patientId\":\"p-1\"}",
                "Content-Type",
                "text/plain",
                "Authorization",
                "Bearer " + ApiServer.API_KEY);

        answer.isError(415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(api.startConnection.calls()).isEmpty();
    }

    @Test
    void a_form_post_is_415() {
        api.send(
                        "POST",
                        "/v1/wearables/withings/connect",
                        "patientId=p-1",
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Authorization",
                        "Bearer " + ApiServer.API_KEY)
                .isError(415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(api.startConnection.calls()).isEmpty();
    }

    @Test
    void a_request_that_does_not_say_its_body_is_json_is_415() {
        api.send(
                        "POST",
                        "/v1/wearables/withings/connect",
                        "{\"patientId\":\"p-1\"}",
                        "Authorization",
                        "Bearer " + ApiServer.API_KEY)
                .isError(415, "UNSUPPORTED_MEDIA_TYPE");
        api.send("POST", "/v1/wearables/withings/connect", null, "Authorization", "Bearer " + ApiServer.API_KEY)
                .isError(415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(api.startConnection.calls()).isEmpty();
    }

    @Test
    void json_with_a_charset_parameter_is_json() {
        Answer answer = api.send(
                "POST",
                "/v1/wearables/withings/connect",
                "{\"patientId\":\"p-1\"}",
                "Content-Type",
                "application/json; charset=UTF-8",
                "Authorization",
                "Bearer " + ApiServer.API_KEY);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private static void assertBodyRefused(String body, String message) {
        Answer answer = api.connect("withings", body);

        answer.isError(422, "VALIDATION_FAILED");
        assertThat(answer.message()).isEqualTo(message);
        assertThat(api.startConnection.calls()).as("the use case is not asked").isEmpty();
    }
}
