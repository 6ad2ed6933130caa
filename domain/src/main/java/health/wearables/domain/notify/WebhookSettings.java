package health.wearables.domain.notify;

import health.wearables.domain.VerifyToken;
import health.wearables.domain.WebhookSecret;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider's notifications are verified with, besides the client secret: the provider's own signing key, and
 * the verify token of its subscription (and of the callback URL, for providers that do not sign). Either may be
 * unconfigured; a notification that would need it is then refused.
 */
public record WebhookSettings(Optional<WebhookSecret> webhookSecret, Optional<VerifyToken> verifyToken) {
    /** Nothing configured. */
    public static final WebhookSettings NONE = new WebhookSettings(Optional.empty(), Optional.empty());

    public WebhookSettings {
        Objects.requireNonNull(webhookSecret, "webhook secret");
        Objects.requireNonNull(verifyToken, "verify token");
    }
}
