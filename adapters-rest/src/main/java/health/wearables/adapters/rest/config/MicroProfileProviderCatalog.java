package health.wearables.adapters.rest.config;

import health.wearables.application.port.out.ProviderCatalog;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.ProviderConfig;
import health.wearables.domain.ProviderSlug;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Providers from configuration: {@code wearables.providers} lists the slugs, each configured under
 * {@code wearables.providers.<slug>.*} (API.md). A provider with only these keys is a generic OAuth 2.0 provider. A
 * listed provider with missing keys is left out with a WARN naming them; a malformed value stops the start.
 */
public final class MicroProfileProviderCatalog implements ProviderCatalog {
    private static final System.Logger LOG = System.getLogger(MicroProfileProviderCatalog.class.getName());
    private static final List<String> REQUIRED = List.of("authorization-url", "token-url", "client-id", "client-secret");

    private final Map<ProviderSlug, ProviderConfig> providers;

    public MicroProfileProviderCatalog(List<ProviderConfig> providers) {
        Map<ProviderSlug, ProviderConfig> bySlug = new LinkedHashMap<>();
        providers.forEach(provider -> bySlug.put(provider.slug(), provider));
        this.providers = java.util.Collections.unmodifiableMap(bySlug);
    }

    static List<ProviderConfig> read(ConfigKeys config) {
        List<ProviderConfig> providers = new ArrayList<>();
        for (String slug : config.list("wearables.providers")) {
            String prefix = "wearables.providers." + slug + ".";
            List<String> missing = REQUIRED.stream().filter(key -> config.value(prefix + key).isEmpty())
                    .map(key -> prefix + key).toList();
            if (!missing.isEmpty()) {
                LOG.log(Level.WARNING, "Provider ''{0}'' is listed but not configured; missing: {1}", slug, missing);
                continue;
            }
            try {
                providers.add(read(config, slug, prefix));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Provider '" + slug + "' is misconfigured: " + e.getMessage(), e);
            }
        }
        return providers;
    }

    private static ProviderConfig read(ConfigKeys config, String slug, String prefix) {
        URI authorization = absolute(config.value(prefix + "authorization-url").orElseThrow(), prefix + "authorization-url");
        URI token = absolute(config.value(prefix + "token-url").orElseThrow(), prefix + "token-url");
        String pkce = config.value(prefix + "pkce").orElse("S256");
        if (!pkce.equals("S256") && !pkce.equals("none")) {
            throw new IllegalArgumentException(prefix + "pkce must be S256 or none (plain is not supported)");
        }
        String clientAuth = config.value(prefix + "client-auth").orElse("basic").toLowerCase(Locale.ROOT);
        if (!clientAuth.equals("basic") && !clientAuth.equals("post")) {
            throw new IllegalArgumentException(prefix + "client-auth must be basic or post");
        }
        List<String> scopes = scopeList(config, prefix + "scopes");
        List<String> requiredScopes = scopeList(config, prefix + "required-scopes");
        Optional<String> issuer = config.value(prefix + "issuer");
        boolean requireIss = config.value(prefix + "require-iss").map(Boolean::parseBoolean).orElse(false);
        URI apiBase = config.value(prefix + "api-base-url").map(url -> absolute(url, prefix + "api-base-url"))
                .orElse(URI.create(token.getScheme() + "://" + token.getRawAuthority() + "/"));
        return new ProviderConfig(
                new ProviderSlug(slug),
                config.value(prefix + "display-name").orElse(slug),
                OAuthVersion.fromLabel(config.value(prefix + "oauth-version").orElse("2.0")),
                authorization,
                token,
                config.value(prefix + "client-id").orElseThrow(),
                new ClientSecret(config.value(prefix + "client-secret").orElseThrow()),
                scopes,
                pkce.equals("S256"),
                clientAuth.equals("post") ? ClientAuthentication.POST : ClientAuthentication.BASIC,
                issuer,
                requireIss,
                apiBase,
                requiredScopes);
    }

    private static List<String> scopeList(ConfigKeys config, String key) {
        return config.value(key)
                .map(text -> Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static URI absolute(String text, String key) {
        URI uri = URI.create(text);
        if (!uri.isAbsolute() || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) URL");
        }
        return uri;
    }

    @Override
    public Optional<ProviderConfig> find(ProviderSlug slug) {
        return Optional.ofNullable(providers.get(slug));
    }

    @Override
    public List<ProviderConfig> all() {
        return List.copyOf(providers.values());
    }
}
