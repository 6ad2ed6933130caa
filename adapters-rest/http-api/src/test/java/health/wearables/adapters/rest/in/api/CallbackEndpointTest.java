package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.Unavailable;
import health.wearables.domain.RejectionCode;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the patient's browser comes back: {@code GET /v1/wearables/{provider}/callback} (Ovok) and
 * {@code GET /api/v1/pulse/theta/{provider_slug}/callback} (Mirobody).
 */
class CallbackEndpointTest {
    private static final String OVOK = "/v1/wearables/withings/callback";
    private static final String MIROBODY = "/api/v1/pulse/theta/withings/callback";

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
    void connected_on_the_ovok_route_is_200_ok_provider_and_patient() {
        api.completeCallback.connects("withings", "p-1");

        Answer answer = api.get(OVOK + "?code=c&state=s");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject body = answer.object();
        assertThat(body.keySet()).containsExactly("ok", "provider", "patientId");
        assertThat(body.getBoolean("ok")).isTrue();
        assertThat(body.getString("provider")).isEqualTo("withings");
        assertThat(body.getString("patientId")).isEqualTo("p-1");
    }

    @Test
    void connected_on_the_mirobody_route_is_200_provider_slug_and_stage_completed() {
        api.completeCallback.connects("withings", "p-1");

        Answer answer = api.get(MIROBODY + "?code=c&state=s");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject body = answer.object();
        assertThat(body.keySet()).containsExactly("provider_slug", "stage");
        assertThat(body.getString("provider_slug")).isEqualTo("withings");
        assertThat(body.getString("stage")).isEqualTo("completed");
    }

    @Test
    void held_for_a_retry_on_the_ovok_route_is_202_pending() {
        api.completeCallback.holdsForRetry("withings", "p-1");

        Answer answer = api.get(OVOK + "?code=c&state=s");

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        JsonObject body = answer.object();
        assertThat(body.keySet()).containsExactly("ok", "provider", "patientId", "pending");
        assertThat(body.getBoolean("ok")).isTrue();
        assertThat(body.getBoolean("pending")).isTrue();
        assertThat(body.getString("patientId")).isEqualTo("p-1");
    }

    @Test
    void held_for_a_retry_on_the_mirobody_route_is_202_stage_pending() {
        api.completeCallback.holdsForRetry("withings", "p-1");

        Answer answer = api.get(MIROBODY + "?code=c&state=s");

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.object().getString("provider_slug")).isEqualTo("withings");
        assertThat(answer.object().getString("stage")).isEqualTo("pending");
    }

    @ParameterizedTest
    @ValueSource(strings = {OVOK, MIROBODY})
    void back_to_the_dashboard_is_302_to_exactly_the_location_the_use_case_built(String route) {
        URI location = URI.create("https://dash.example/done?x=1&status=connected&provider=withings&patientId=p-1");
        api.completeCallback.connectsBackTo("withings", "p-1", location);

        Answer answer = api.get(route + "?code=c&state=s");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).contains(location.toString());
        assertThat(answer.body()).doesNotContain("state=s").doesNotContain("code=c");
    }

    @ParameterizedTest
    @CsvSource({
        "PROVIDER_ERROR, 400",
        "INVALID_REQUEST, 400",
        "INVALID_STATE, 401",
        "UNKNOWN_PROVIDER, 404",
        "MISSING_PARAMETER, 422",
        "PROVIDER_MISMATCH, 422",
        "TOKEN_EXCHANGE_FAILED, 502",
    })
    void each_refusal_has_the_status_api_md_gives_it_on_both_routes(RejectionCode code, int status) {
        api.completeCallback.refuses(code);

        api.get(OVOK + "?code=c&state=s").isError(status, code.name());
        api.get(MIROBODY + "?code=c&state=s").isError(status, code.name());
    }

    @Test
    void a_state_store_that_cannot_be_reached_is_503_with_retry_after() {
        api.completeCallback.fails(new Unavailable.StateStore("GETDEL timed out", new RuntimeException()));

        Answer answer = api.get(OVOK + "?code=c&state=s");

        answer.isError(503, "STATE_STORE_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).contains("5");
    }

    @Test
    void tokens_that_neither_store_could_keep_are_503_state_store_unavailable() {
        api.completeCallback.fails(new Unavailable.CredentialInbox("HSET timed out", new RuntimeException()));

        Answer answer = api.get(OVOK + "?code=c&state=s");

        answer.isError(503, "STATE_STORE_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).contains("30");
        assertThat(answer.message()).contains("connect again");
    }

    @Test
    void an_unexpected_failure_is_500_without_its_text() {
        api.completeCallback.fails(new NullPointerException("token=ya29.secret"));

        Answer answer = api.get(OVOK + "?code=c&state=s");

        answer.isError(500, "INTERNAL_ERROR");
        assertThat(answer.body()).doesNotContain("ya29");
    }

    @Test
    void the_use_case_gets_the_slug_and_the_decoded_query_with_every_repetition() {
        api.completeCallback.refuses(RejectionCode.INVALID_REQUEST);

        api.get("/api/v1/pulse/theta/garmin-legacy/callback?state=a&state=b&error_description=a%20b%2Bc&iss=");

        assertThat(api.completeCallback.calls()).singleElement().satisfies(call -> {
            assertThat(call.provider()).isEqualTo("garmin-legacy");
            assertThat(call.query())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "state", List.of("a", "b"), "error_description", List.of("a b+c"), "iss", List.of("")));
        });
    }

    @ParameterizedTest
    @CsvSource({"HEAD, " + OVOK, "HEAD, " + MIROBODY, "OPTIONS, " + OVOK, "OPTIONS, " + MIROBODY})
    void link_scanners_and_prefetchers_get_405_allow_get_and_never_spend_the_state(String method, String route) {
        api.completeCallback.connects("withings", "p-1");

        Answer answer = api.send(method, route + "?code=c&state=s", null);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).contains("GET");
        if (method.equals("OPTIONS")) {
            answer.isError(405, "METHOD_NOT_ALLOWED");
        }
        assertThat(api.completeCallback.calls()).isEmpty();
        assertThat(api.metrics.increments()).isEmpty();
    }

    @Test
    void a_post_to_the_callback_is_405_in_the_error_shape() {
        Answer answer = api.send(
                "POST", OVOK + "?code=c&state=s", "code=c", "Content-Type", "application/x-www-form-urlencoded");

        answer.isError(405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertThat(api.completeCallback.calls()).isEmpty();
    }

    @Test
    void operators_see_each_callback_counted_by_route_and_outcome() {
        api.completeCallback.refuses(RejectionCode.INVALID_STATE);
        api.get(OVOK + "?code=c&state=s");
        api.completeCallback.connects("withings", "p-1");
        api.get(MIROBODY + "?code=c&state=s");
        api.completeCallback.holdsForRetry("withings", "p-1");
        api.get(OVOK + "?code=c&state=s");
        api.completeCallback.refusesBackTo(
                RejectionCode.PROVIDER_ERROR, URI.create("https://dash.example/?status=error&error=provider_error"));
        api.get(OVOK + "?error=access_denied&state=s");

        assertThat(api.metrics.increments())
                .containsExactly(
                        "wearables.callback.outcomes{route=ovok,outcome=INVALID_STATE}",
                        "wearables.callback.outcomes{route=mirobody,outcome=CONNECTED}",
                        "wearables.callback.outcomes{route=ovok,outcome=PENDING}",
                        "wearables.callback.outcomes{route=ovok,outcome=REDIRECTED_ERROR}");
    }
}
