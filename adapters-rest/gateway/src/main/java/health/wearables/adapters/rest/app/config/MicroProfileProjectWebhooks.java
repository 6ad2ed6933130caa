package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.out.ProjectWebhooks;
import health.wearables.domain.ProjectId;
import health.wearables.domain.events.WebhookTarget;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each project's webhook receiver, read at start: {@code wearables.projects.<id>.webhook-url} (absolute http(s)) and
 * {@code webhook-secret} ({@code whsec_} and base64, as the Standard Webhooks specification defines). A project gives
 * both or neither; one without the other, or a malformed one, stops the start with the key named (never the secret).
 */
public final class MicroProfileProjectWebhooks implements ProjectWebhooks {
    private final Map<ProjectId, WebhookTarget> targets;

    MicroProfileProjectWebhooks(Map<ProjectId, WebhookTarget> targets) {
        this.targets = Map.copyOf(targets);
    }

    static MicroProfileProjectWebhooks read(ConfigKeys config) {
        Map<ProjectId, WebhookTarget> targets = new LinkedHashMap<>();
        for (String id : config.list("wearables.projects")) {
            String prefix = "wearables.projects." + id + ".";
            Optional<String> url = config.value(prefix + "webhook-url").filter(value -> !value.isBlank());
            Optional<String> secret = config.value(prefix + "webhook-secret").filter(value -> !value.isBlank());
            if (url.isEmpty() && secret.isEmpty()) {
                continue;
            }
            if (url.isEmpty() || secret.isEmpty()) {
                throw new IllegalStateException("Project '" + id + "' is misconfigured: " + prefix + "webhook-url and "
                        + prefix + "webhook-secret go together");
            }
            try {
                targets.put(new ProjectId(id), new WebhookTarget(URI.create(url.get()), secret.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "Project '" + id + "' is misconfigured: " + prefix + "webhook-url or " + prefix
                                + "webhook-secret: " + e.getMessage(),
                        null);
            }
        }
        return new MicroProfileProjectWebhooks(targets);
    }

    @Override
    public Optional<WebhookTarget> of(ProjectId project) {
        return Optional.ofNullable(targets.get(project));
    }
}
