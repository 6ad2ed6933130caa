package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.notify.NotificationVerdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {
    private static final String PATH = "/v1/wearables/oura/webhook";
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
    void a_notification_reaches_the_use_case_as_it_came_and_an_accepted_one_is_204() {
        String body = "{\"event_type\":\"update\",\"data_type\":\"sleep\",\"user_id\":\"u-1\"}";

        Answer answer = api.send(
                "POST",
                PATH + "?token=abc",
                body,
                "Content-Type",
                "application/json",
                "X-Oura-Signature",
                "ABCDEF",
                "X-Oura-Timestamp",
                "1764504000");

        assertThat(answer.status()).isEqualTo(204);
        ScriptedReceiveNotification.Call call = api.receiveNotification.calls().get(0);
        assertThat(call.provider()).isEqualTo("oura");
        assertThat(call.notification().method()).isEqualTo("POST");
        assertThat(new String(call.notification().body(), StandardCharsets.UTF_8))
                .isEqualTo(body);
        assertThat(call.notification().header("x-oura-signature")).contains("ABCDEF");
        assertThat(call.notification().queryParameter("token")).contains("abc");
    }

    @Test
    void a_refused_notification_is_401_and_says_nothing_of_why() {
        api.receiveNotification.answers(Optional.of(new NotificationVerdict.Rejected("signature mismatch")));

        Answer answer = api.send("POST", PATH, "{}");

        answer.isError(401, "INVALID_NOTIFICATION");
        assertThat(answer.body()).doesNotContain("signature mismatch");
    }

    @Test
    void a_challenge_is_answered_with_the_body_and_type_the_provider_expects() {
        api.receiveNotification.answers(
                Optional.of(new NotificationVerdict.Challenged("application/json", "{\"challenge\":\"c-1\"}")));

        Answer answer = api.get(PATH + "?verification_token=t&challenge=c-1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.body()).isEqualTo("{\"challenge\":\"c-1\"}");
        assertThat(api.receiveNotification.calls().get(0).notification().method())
                .isEqualTo("GET");
    }

    @Test
    void a_provider_without_notifications_is_404() {
        api.receiveNotification.answers(Optional.empty());

        api.send("POST", "/v1/wearables/dexcom/webhook", "{}").isError(404, "UNKNOWN_PROVIDER");
    }

    @Test
    void an_oversized_body_is_413_and_never_reaches_the_use_case() {
        String huge = "x".repeat(WebhookResource.MAX_BODY + 1);

        Answer answer = api.send("POST", PATH, huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(api.receiveNotification.calls()).isEmpty();
    }

    @Test
    void an_accepted_notification_with_notices_is_204_too() {
        api.receiveNotification.answers(Optional.of(new NotificationVerdict.Accepted(List.of())));

        assertThat(api.send("POST", PATH, "{}").status()).isEqualTo(204);
    }
}
