package health.wearables.adapters.rest.app.config.demo;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ReturnUrl;
import org.junit.jupiter.api.Test;

class DemoEnvironmentTest {

    @Test
    void the_demo_project_may_send_patients_back_to_the_gateway_at_whatever_port_it_runs() {
        assertThat(DemoEnvironment.returnUrls("http://localhost:19083", 19099))
                .extracting(ReturnUrl::toString)
                .containsExactly("http://localhost:9080/", "http://localhost:19083/", "http://localhost:19099/");
        assertThat(DemoEnvironment.returnUrls("http://localhost:19083", 19099).stream()
                        .anyMatch(prefix ->
                                ReturnUrl.parse("http://localhost:19083/demo/").isUnder(prefix)))
                .isTrue();
    }

    @Test
    void on_the_default_port_the_prefix_is_named_once_and_a_base_that_cannot_be_one_is_left_out() {
        assertThat(DemoEnvironment.returnUrls("http://localhost:9080", 9090))
                .extracting(ReturnUrl::toString)
                .containsExactly("http://localhost:9080/", "http://localhost:9090/");
        assertThat(DemoEnvironment.returnUrls("http://gateway.internal:9080", 9090))
                .extracting(ReturnUrl::toString)
                .containsExactly("http://localhost:9080/", "http://localhost:9090/");
    }
}
