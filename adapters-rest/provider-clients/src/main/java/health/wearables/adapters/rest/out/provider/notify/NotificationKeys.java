package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.domain.ClientSecret;
import health.wearables.domain.VerifyToken;
import health.wearables.domain.WebhookSecret;
import health.wearables.domain.notify.WebhookSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a provider's notifications may be verified with: the configured webhook secret and verify token, and our
 * client secret (the signing key of Oura, WHOOP and Fitbit). All three print redacted.
 */
record NotificationKeys(
        Optional<WebhookSecret> webhookSecret, Optional<VerifyToken> verifyToken, Optional<ClientSecret> clientSecret) {

    NotificationKeys {
        Objects.requireNonNull(webhookSecret, "webhook secret");
        Objects.requireNonNull(verifyToken, "verify token");
        Objects.requireNonNull(clientSecret, "client secret");
    }

    static NotificationKeys of(WebhookSettings settings, Optional<ClientSecret> clientSecret) {
        return new NotificationKeys(settings.webhookSecret(), settings.verifyToken(), clientSecret);
    }
}
