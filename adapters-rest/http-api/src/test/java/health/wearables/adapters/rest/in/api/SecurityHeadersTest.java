package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.RejectionCode;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer is uncacheable, leaks no referrer and is never content-sniffed: successes and errors alike. */
class SecurityHeadersTest {
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
    void on_a_success() {
        assertSecurityHeaders(api.connect("withings", "{\"patientId\":\"p-1\"}"));
    }

    @Test
    void on_a_redirect_back_to_the_dashboard() {
        api.completeCallback.connectsBackTo("withings", "p-1", URI.create("https://dash.example/?status=connected"));

        assertSecurityHeaders(api.get("/v1/wearables/withings/callback?code=c&state=s"));
    }

    @Test
    void on_a_refusal() {
        api.completeCallback.refuses(RejectionCode.INVALID_STATE);

        assertSecurityHeaders(api.get("/v1/wearables/withings/callback?code=c&state=s"));
    }

    @Test
    void on_an_unexpected_failure() {
        api.completeCallback.fails(new IllegalStateException("boom"));

        assertSecurityHeaders(api.get("/v1/wearables/withings/callback?code=c&state=s"));
    }

    @Test
    void on_the_servers_own_answers() {
        assertSecurityHeaders(api.get("/nothing/here"));
        assertSecurityHeaders(api.send("DELETE", "/v1/wearables/providers", null));
        assertSecurityHeaders(api.send("HEAD", "/v1/wearables/withings/callback?code=c&state=s", null));
    }

    @Test
    void on_the_containers_error_page() {
        assertSecurityHeaders(api.get(ContainerRefusals.PATH + "/400"));
        assertSecurityHeaders(api.get(ContainerRefusals.PATH + "/throw"));
    }

    private static void assertSecurityHeaders(Answer answer) {
        assertThat(answer.header("Cache-Control")).as("Cache-Control").contains("no-store");
        assertThat(answer.header("Pragma")).as("Pragma").contains("no-cache");
        assertThat(answer.header("Referrer-Policy")).as("Referrer-Policy").contains("no-referrer");
        assertThat(answer.header("X-Content-Type-Options"))
                .as("X-Content-Type-Options")
                .contains("nosniff");
    }
}
