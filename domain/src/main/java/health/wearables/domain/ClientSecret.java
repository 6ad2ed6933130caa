package health.wearables.domain;

/** Our client secret at a provider. */
public record ClientSecret(String value) {
    public ClientSecret {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("client secret is missing");
        }
    }

    @Override
    public String toString() {
        return Redacted.of("ClientSecret");
    }
}
