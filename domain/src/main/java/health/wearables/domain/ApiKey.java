package health.wearables.domain;

/** A project's API key as presented by a caller; only its SHA-256 is ever compared or stored. */
public record ApiKey(String value) {
    public ApiKey {
        Syntax.require(value, Syntax.VISIBLE_ASCII, 512, "API key");
    }

    public byte[] sha256() {
        return Hashing.sha256(value);
    }

    @Override
    public String toString() {
        return Redacted.of("ApiKey");
    }
}
