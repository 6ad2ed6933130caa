package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.OpenConnectSession.SessionCommand;
import health.wearables.application.port.in.Unavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.callback.CallbackAnswer;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /v1/wearables/connect-sessions} as a platform uses it, the connect page and its form as a browser uses
 * them, and the callback's pages for the patient.
 */
class ConnectPageEndpointTest {
    private static final String PAGE = "/v1/wearables/connect-page/" + ScriptedConnectPages.TOKEN;
    private static final String POLICY_START = "default-src 'none'; style-src 'self'; img-src 'self'; form-action ";
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

    private Answer create(String json, String... authorization) {
        return api.send(
                "POST",
                "/v1/wearables/connect-sessions",
                json,
                "Content-Type",
                "application/json",
                "Authorization",
                authorization.length == 0 ? "Bearer " + ApiServer.API_KEY : authorization[0]);
    }

    private Answer choose(String form) {
        return api.send("POST", PAGE, form, "Content-Type", "application/x-www-form-urlencoded");
    }

    /** What every page for the patient must be: HTML, no script, no inline style, never framed or cached. */
    private static Answer isPage(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.header("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .startsWith(POLICY_START)
                        .endsWith("; frame-ancestors 'none'; base-uri 'none'")
                        .doesNotContain("unsafe"));
        assertThat(answer.header("X-Frame-Options")).contains("DENY");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("Referrer-Policy")).contains("no-referrer");
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.body())
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<main>", "<h1", "<link rel=\"stylesheet\" href=\"" + PatientPages.STYLESHEET + "\">")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("style=")
                .doesNotContain(ScriptedConnectPages.TOKEN);
        return answer;
    }

    @Test
    void a_created_link_is_201_with_the_link_and_its_expiry() {
        Answer answer = create("{\"patientId\":\"p-1\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonObject body = answer.object();
        assertThat(body.keySet()).containsExactly("connectUrl", "expiresAt");
        assertThat(body.getString("connectUrl"))
                .isEqualTo(ScriptedConnectPages.OPENED.connectUrl().toString());
        assertThat(body.getString("expiresAt")).isEqualTo("2026-11-21T10:30:00Z");
    }

    @Test
    void the_use_case_gets_the_key_and_the_body_as_a_command() {
        create(
                "{\"patientId\":\"p-1\",\"redirectUri\":\"https://dash.example/done\",\"providers\":[\"oura\",\"withings\"]}");
        create("{\"patientId\":\"p-2\",\"providers\":null}");

        assertThat(api.connectPages.opens())
                .containsExactly(
                        new ScriptedConnectPages.OpenCall(
                                Optional.of(new ApiKey(ApiServer.API_KEY)),
                                new SessionCommand(
                                        "p-1", "https://dash.example/done", Optional.of(List.of("oura", "withings")))),
                        new ScriptedConnectPages.OpenCall(
                                Optional.of(new ApiKey(ApiServer.API_KEY)),
                                new SessionCommand("p-2", null, Optional.empty())));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{\"patientId\":1}",
                "{\"patientId\":\"p\",\"providers\":\"oura\"}",
                "{\"patientId\":\"p\",\"providers\":[1]}",
                "{\"patientId\":\"p\",\"redirectUri\":true}",
                "{\"patientId\":\"p\",\"patientId\":\"q\"}"
            })
    void a_body_that_does_not_hold_what_is_needed_is_422_for_a_known_key(String json) {
        create(json).isError(422, "VALIDATION_FAILED");
        assertThat(api.connectPages.opens()).isEmpty();
    }

    @Test
    void an_unknown_key_is_401_before_anything_is_said_about_the_body() {
        create("not json", "Bearer wrong").isError(401, "UNAUTHORIZED");
    }

    @Test
    void the_use_cases_refusals_and_faults_are_the_apis_errors() {
        api.connectPages.refusesToOpen(RejectionCode.UNAUTHORIZED, "A valid project API key is required.");
        create("{\"patientId\":\"p-1\"}").isError(401, "UNAUTHORIZED");

        api.connectPages.refusesToOpen(RejectionCode.VALIDATION_FAILED, "providers names a provider ...");
        create("{\"patientId\":\"p-1\"}").isError(422, "VALIDATION_FAILED");

        api.connectPages.failsToOpen(new Unavailable.StateStore("connect session put: timed out", null));
        create("{\"patientId\":\"p-1\"}").isError(503, "STATE_STORE_UNAVAILABLE");
    }

    @Test
    void a_body_of_another_type_is_415() {
        Answer answer = api.send(
                "POST",
                "/v1/wearables/connect-sessions",
                "patientId=p-1",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Authorization",
                "Bearer " + ApiServer.API_KEY);

        assertThat(answer.status()).isEqualTo(415);
    }

    @Test
    void the_page_offers_each_provider_as_a_button_with_its_escaped_name() {
        Answer answer = isPage(api.get(PAGE), 200);

        assertThat(api.connectPages.shows()).containsExactly(ScriptedConnectPages.TOKEN);
        assertThat(answer.body())
                .contains("<form method=\"post\">")
                .contains("<legend>Your wearable's service</legend>")
                .contains("<button type=\"submit\" name=\"provider\" value=\"withings\">Withings</button>")
                .contains("<button type=\"submit\" name=\"provider\" value=\"sandbox\">"
                        + "Sandbox &lt;b&gt;&#34;wearable&#34;&lt;/b&gt; &amp; co</button>")
                .doesNotContain("<b>");
    }

    @Test
    void the_pages_form_may_lead_only_to_itself_and_the_offered_providers_authorization_servers() {
        assertThat(api.get(PAGE).header("Content-Security-Policy"))
                .contains("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'"
                        + " https://account.withings.com http://localhost:19091; frame-ancestors 'none';"
                        + " base-uri 'none'");
    }

    @Test
    void a_gone_link_is_410_and_says_what_to_do() {
        api.connectPages.isGone();

        Answer answer = isPage(api.get(PAGE), 410);

        assertThat(answer.body()).contains("This link can no longer be used", "Ask your care team for a new link.");
        assertThat(answer.header("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("form-action 'none'"));
        isPage(choose("provider=withings"), 410);
    }

    @Test
    void choosing_a_provider_is_303_to_its_authorization() {
        Answer answer = choose("provider=withings");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("Location")).contains("https://account.withings.com/oauth2/x?state=abc");
        assertThat(api.connectPages.chooses())
                .containsExactly(new ScriptedConnectPages.ChooseCall(ScriptedConnectPages.TOKEN, "withings"));
    }

    @Test
    void a_provider_not_offered_shows_the_page_again_with_the_problem() {
        api.connectPages.doesNotOffer();

        Answer answer = isPage(choose("provider=<i>fitbit</i>"), 400);

        assertThat(answer.body())
                .contains("role=\"alert\">That service is not offered on this page.")
                .contains("value=\"withings\"")
                .doesNotContain("fitbit");
    }

    @Test
    void a_provider_that_could_not_start_is_explained_by_its_escaped_name() {
        api.connectPages.cannotStart(RejectionCode.PROVIDER_RETIRED);

        Answer answer = isPage(choose("provider=oura"), 410);

        assertThat(answer.body())
                .contains("Oura &lt;Ring&gt; no longer takes new connections.")
                .contains("Ask your care team for a new link.");
    }

    @Test
    void the_stylesheet_is_served_by_the_gateway() {
        Answer answer = api.get(PatientPages.STYLESHEET);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(answer.body()).contains("button:focus-visible").doesNotContain("url(");
    }

    @Test
    void a_callback_started_on_the_page_without_return_url_ends_on_a_page_connected() {
        api.completeCallback.answersThePatient(
                new CallbackAnswer.Connected(new ProviderSlug("withings"), new PatientId("p-1")));

        Answer answer = isPage(api.get("/v1/wearables/withings/callback?code=c&state=s"), 200);

        assertThat(answer.body()).contains("Your Withings account is connected").doesNotContain("p-1");
        assertThat(answer.header("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("form-action 'none'"));
    }

    @Test
    void a_callback_held_for_a_retry_ends_on_a_page_saying_so() {
        api.completeCallback.answersThePatient(
                new CallbackAnswer.Pending(new ProviderSlug("withings"), new PatientId("p-1")));

        Answer answer = isPage(api.get("/api/v1/pulse/theta/withings/callback?code=c&state=s"), 202);

        assertThat(answer.body()).contains("Your Withings account is being connected");
    }

    @Test
    void a_declined_callback_ends_on_a_page_in_plain_words_with_what_to_do() {
        Rejection declined = Rejection.of(RejectionCode.PROVIDER_ERROR, "The provider refused.")
                .withProviderError("access_denied")
                .after(new PendingAuthorization(
                        new ProjectId("acme"),
                        new PatientId("p-1"),
                        new ProviderSlug("oura"),
                        Optional.empty(),
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        Instant.parse("2026-11-21T10:10:00Z"),
                        true));
        api.completeCallback.answersThePatient(new CallbackAnswer.Refused(declined));

        Answer answer = isPage(api.get("/v1/wearables/oura/callback?error=access_denied&state=s"), 400);

        assertThat(answer.body())
                .contains("Your Oura &lt;Ring&gt; account was not connected")
                .contains("You did not approve sharing at Oura &lt;Ring&gt;.")
                .contains("ask your care team for a new link.");
    }

    @Test
    void a_failed_exchange_ends_on_a_page_with_the_status_of_the_json_answer() {
        api.completeCallback.answersThePatient(
                new CallbackAnswer.Refused(Rejection.of(RejectionCode.TOKEN_EXCHANGE_FAILED, "The provider failed.")));

        Answer answer = isPage(api.get("/v1/wearables/oura/callback?code=c&state=s"), 502);

        assertThat(answer.body()).contains("did not complete the connection. Ask your care team for a new link.");
    }

    @Test
    void a_callback_started_by_connect_still_answers_json() {
        api.completeCallback.connects("withings", "p-1");

        Answer answer = api.get("/v1/wearables/withings/callback?code=c&state=s");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.object().getBoolean("ok")).isTrue();
        assertThat(answer.header("Content-Security-Policy")).isEmpty();
    }

    @Test
    void when_a_store_is_down_the_page_and_the_choice_answer_a_page_that_says_to_try_again_not_json() {
        api.connectPages.storesAreDown(new Unavailable.StateStore("connect session read: connection refused", null));

        for (Answer answer : List.of(api.get(PAGE), choose("provider=withings"))) {
            isPage(answer, 503);
            assertThat(answer.header("Retry-After")).contains("5");
            assertThat(answer.body())
                    .contains("<h1>Please try again in a moment</h1>")
                    .contains("nothing was done")
                    .doesNotContain("STATE_STORE_UNAVAILABLE")
                    .doesNotContain("connection refused");
        }
    }
}
