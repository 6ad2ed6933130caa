package health.wearables.application.port.out;

import health.wearables.domain.ProjectId;
import health.wearables.domain.events.WebhookTarget;

/**
 * The webhook URLs that answered {@code 410}: nothing more is sent to them until the project's URL is configured
 * again (to another address). Shared by every instance.
 */
public interface StoppedWebhooks {

    void stop(ProjectId project, WebhookTarget target);

    boolean isStopped(ProjectId project, WebhookTarget target);
}
