package health.wearables.domain.events;

import health.wearables.domain.Hashing;
import java.net.URI;
import java.util.Base64;
import java.util.Objects;

/**
 * A project's webhook receiver: its URL and its Standard Webhooks secret ({@code whsec_} and the base64 of the key).
 * The secret redacts itself.
 */
public final class WebhookTarget {
    private static final String PREFIX = "whsec_";

    private final URI url;
    private final byte[] key;

    public WebhookTarget(URI url, String secret) {
        this.url = Objects.requireNonNull(url, "url");
        if (!url.isAbsolute()
                || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
            throw new IllegalArgumentException("a webhook URL is an absolute http(s) URL");
        }
        Objects.requireNonNull(secret, "secret");
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with whsec_");
        }
        try {
            this.key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is whsec_ and base64", null);
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("a webhook secret's key is 24 to 64 bytes");
        }
    }

    public URI url() {
        return url;
    }

    /** The signing key (the decoded part after {@code whsec_}). */
    public byte[] key() {
        return key.clone();
    }

    /** A name of the URL that holds no secret and changes when the URL does: for the record of stopped URLs. */
    public String urlFingerprint() {
        return Hashing.sha256Hex(url.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookTarget that && url.equals(that.url) && java.util.Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookTarget[" + url + ", secret=[redacted]]";
    }
}
