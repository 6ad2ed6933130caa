package health.wearables.application.port.out;

import health.wearables.domain.ProjectId;
import health.wearables.domain.events.WebhookTarget;
import java.util.Optional;

/** Where each project hears of its events: {@code wearables.projects.<id>.webhook-url} and {@code webhook-secret}. */
@FunctionalInterface
public interface ProjectWebhooks {

    Optional<WebhookTarget> of(ProjectId project);
}
