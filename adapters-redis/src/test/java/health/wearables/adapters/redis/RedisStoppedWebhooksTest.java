package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.Samples;
import health.wearables.domain.ProjectId;
import health.wearables.domain.events.WebhookTarget;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisStoppedWebhooksTest {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final RedisStoppedWebhooks stopped =
            new RedisStoppedWebhooks(REDIS.client(), REDIS.prefix(), LocalRedis.TIMEOUT);

    @Test
    void a_stopped_url_stays_stopped_for_its_project_only_and_another_url_is_not() {
        ProjectId project = new ProjectId(Samples.unique("project"));
        ProjectId other = new ProjectId(Samples.unique("project"));
        WebhookTarget gone = new WebhookTarget(URI.create("https://platform.example/hooks/old"), SECRET);
        WebhookTarget moved = new WebhookTarget(URI.create("https://platform.example/hooks/new"), SECRET);

        stopped.stop(project, gone);

        assertThat(stopped.isStopped(project, gone)).isTrue();
        assertThat(stopped.isStopped(project, moved)).isFalse();
        assertThat(stopped.isStopped(other, gone)).isFalse();
    }
}
