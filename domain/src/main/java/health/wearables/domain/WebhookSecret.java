package health.wearables.domain;

/**
 * The key a provider signs its notifications with when it is not our client secret: Polar's
 * {@code signature_secret_key}, returned once when the webhook is created ({@code wearables.providers.<slug>.webhook-secret}).
 */
public record WebhookSecret(String value) {
    public WebhookSecret {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("webhook secret is missing");
        }
    }

    @Override
    public String toString() {
        return Redacted.of("WebhookSecret");
    }
}
