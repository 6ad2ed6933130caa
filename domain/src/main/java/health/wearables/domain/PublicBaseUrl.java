package health.wearables.domain;

import java.net.URI;

/**
 * The gateway's external base URL. The {@code redirect_uri} sent to a provider is always derived from it, whichever
 * route the callback later arrives on, so the value at the token exchange equals the one at authorization.
 */
public record PublicBaseUrl(URI value) {
    public PublicBaseUrl {
        if (!value.isAbsolute() || value.getRawQuery() != null || value.getRawFragment() != null) {
            throw new IllegalArgumentException("wearables.public-base-url must be an absolute URL without query");
        }
        String text = value.toString();
        value = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public URI callbackFor(ProviderSlug provider) {
        return URI.create(value + "/v1/wearables/" + provider.value() + "/callback");
    }
}
