package health.wearables.adapters.rest.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import health.wearables.domain.ProjectId;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicroProfileProjectWebhooksTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static MicroProfileProjectWebhooks read(Map<String, String> values) {
        return MicroProfileProjectWebhooks.read(new ConfigKeys(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void a_project_with_both_keys_has_a_receiver_and_one_without_them_has_none() {
        MicroProfileProjectWebhooks webhooks = read(Map.of(
                "wearables.projects", "acme,globex",
                "wearables.projects.acme.webhook-url", "https://care.example/hooks/wearables",
                "wearables.projects.acme.webhook-secret", SECRET));

        assertThat(webhooks.of(new ProjectId("acme")))
                .hasValueSatisfying(target ->
                        assertThat(target.url()).isEqualTo(URI.create("https://care.example/hooks/wearables")));
        assertThat(webhooks.of(new ProjectId("globex"))).isEmpty();
    }

    @Test
    void one_key_without_the_other_or_a_malformed_secret_stops_the_start_without_quoting_the_secret() {
        assertThatIllegalStateException()
                .isThrownBy(() -> read(Map.of(
                        "wearables.projects", "acme",
                        "wearables.projects.acme.webhook-url", "https://care.example/hooks")))
                .withMessageContaining("wearables.projects.acme.webhook-secret");
        assertThatIllegalStateException()
                .isThrownBy(() -> read(Map.of(
                        "wearables.projects", "acme",
                        "wearables.projects.acme.webhook-url", "https://care.example/hooks",
                        "wearables.projects.acme.webhook-secret", "not-a-whsec-secret-at-all")))
                .withMessageContaining("webhook-secret")
                .withMessageNotContaining("not-a-whsec-secret-at-all");
    }
}
