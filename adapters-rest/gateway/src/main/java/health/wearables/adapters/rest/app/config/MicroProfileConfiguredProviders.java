package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ScopePolicy;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Providers from configuration: {@code wearables.providers} lists the slugs, each configured under
 * {@code wearables.providers.<slug>.*} (API.md). A built-in provider needs only its client id and secret (its documented
 * URLs, scopes, PKCE and client authentication are defaults any key overrides); any other slug is a generic OAuth 2.0
 * provider and needs its URLs too. A provider with missing keys is left out, with a WARN and, at connect, a 404 naming
 * them; a malformed value stops the start.
 */
public final class MicroProfileConfiguredProviders implements ConfiguredProviders {
    private static final System.Logger LOG = System.getLogger(MicroProfileConfiguredProviders.class.getName());
    private static final List<String> CLIENT = List.of("client-id", "client-secret");
    private static final List<String> ENDPOINTS = List.of("authorization-url", "token-url");
    private static final List<String> OAUTH1_ENDPOINTS = List.of("request-token-url", "authorization-url", "token-url");

    private final Map<ProviderSlug, ConfiguredProvider> providers;
    private final Map<ProviderSlug, List<String>> missingKeys;

    public MicroProfileConfiguredProviders(
            List<ConfiguredProvider> providers, Map<ProviderSlug, List<String>> missingKeys) {
        Map<ProviderSlug, ConfiguredProvider> bySlug = new LinkedHashMap<>();
        providers.forEach(provider -> bySlug.put(provider.slug(), provider));
        this.providers = java.util.Collections.unmodifiableMap(bySlug);
        this.missingKeys = Map.copyOf(missingKeys);
    }

    /** Reads every listed provider; built-in providers that are not listed are recorded as missing their keys. */
    static MicroProfileConfiguredProviders read(ConfigKeys config, BuiltInProviders builtIns) {
        List<ConfiguredProvider> providers = new ArrayList<>();
        Map<ProviderSlug, List<String>> missing = new LinkedHashMap<>();
        List<String> listed = config.list("wearables.providers");
        for (String slug : listed) {
            String prefix = "wearables.providers." + slug + ".";
            ProviderSlug providerSlug;
            try {
                providerSlug = new ProviderSlug(slug);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "wearables.providers lists '" + slug + "', which is not a provider slug", e);
            }
            Optional<BuiltInProvider> defaults = builtIns.find(providerSlug);
            List<String> lacking = new ArrayList<>();
            boolean oauth1 = config.value(prefix + "oauth-version")
                    .map(version -> version.equals(OAuthVersion.OAUTH_1_0A.label()))
                    .orElse(false);
            List<String> endpoints = defaults.isPresent() ? List.of() : oauth1 ? OAUTH1_ENDPOINTS : ENDPOINTS;
            for (String key : concat(endpoints, CLIENT)) {
                if (config.value(prefix + key).isEmpty()) {
                    lacking.add(prefix + key);
                }
            }
            if (!lacking.isEmpty()) {
                LOG.log(Level.WARNING, "Provider ''{0}'' is listed but not configured; missing: {1}", slug, lacking);
                missing.put(providerSlug, lacking);
                continue;
            }
            try {
                providers.add(read(config, providerSlug, prefix, defaults));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Provider '" + slug + "' is misconfigured: " + e.getMessage(), e);
            }
        }
        for (BuiltInProvider builtIn : builtIns.all()) {
            if (!listed.contains(builtIn.slug())) {
                String prefix = "wearables.providers." + builtIn.slug() + ".";
                missing.put(
                        new ProviderSlug(builtIn.slug()),
                        List.of(
                                "wearables.providers (add " + builtIn.slug() + ")",
                                prefix + "client-id",
                                prefix + "client-secret"));
            }
        }
        return new MicroProfileConfiguredProviders(providers, missing);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static ConfiguredProvider read(
            ConfigKeys config, ProviderSlug slug, String prefix, Optional<BuiltInProvider> defaults) {
        OAuthVersion version = config.value(prefix + "oauth-version")
                .map(OAuthVersion::fromLabel)
                .orElse(defaults.map(BuiltInProvider::oauthVersion).orElse(OAuthVersion.OAUTH_2_0));
        return new ConfiguredProvider(
                slug,
                config.value(prefix + "display-name")
                        .orElse(defaults.map(BuiltInProvider::displayName).orElse(slug.value())),
                version,
                endpoints(config, prefix, version, defaults),
                client(config, prefix, defaults),
                scopes(config, prefix, defaults),
                pkce(config, prefix, version, defaults),
                issuer(config, prefix));
    }

    private static ProviderEndpoints endpoints(
            ConfigKeys config, String prefix, OAuthVersion version, Optional<BuiltInProvider> defaults) {
        Optional<ProviderEndpoints> documented = defaults.map(BuiltInProvider::endpoints);
        URI authorization = url(config, prefix + "authorization-url")
                .orElseGet(() -> documented.orElseThrow().authorization());
        URI token = url(config, prefix + "token-url")
                .orElseGet(() -> documented.orElseThrow().token());
        Optional<URI> requestToken = version == OAuthVersion.OAUTH_1_0A
                ? url(config, prefix + "request-token-url")
                        .or(() -> documented.flatMap(ProviderEndpoints::requestToken))
                : Optional.empty();
        URI apiBase = url(config, prefix + "api-base-url")
                .or(() -> documented.map(ProviderEndpoints::apiBase))
                .orElse(URI.create(token.getScheme() + "://" + token.getRawAuthority() + "/"));
        Optional<URI> revocation = url(config, prefix + "revocation-url")
                .map(uri -> secureUnlessLoopback(prefix + "revocation-url", uri))
                .or(() -> documented.flatMap(ProviderEndpoints::revocation));
        return new ProviderEndpoints(authorization, token, apiBase, requestToken, revocation);
    }

    /**
     * A revocation request carries the refresh token and, for most providers, the client secret, so it goes over
     * https; plain http only to this machine (a simulator, a local proxy).
     */
    private static URI secureUnlessLoopback(String key, URI uri) {
        boolean loopback = uri.getHost().equals("localhost")
                || uri.getHost().equals("127.0.0.1")
                || uri.getHost().equals("[::1]");
        if (uri.getScheme().equals("http") && !loopback) {
            throw new IllegalArgumentException(key + " must be an https URL (http only for localhost or 127.0.0.1)");
        }
        return uri;
    }

    private static ProviderClient client(ConfigKeys config, String prefix, Optional<BuiltInProvider> defaults) {
        String clientAuth = config.value(prefix + "client-auth")
                .orElse(defaults.map(d -> d.clientAuthentication().name()).orElse("basic"))
                .toLowerCase(Locale.ROOT);
        if (!clientAuth.equals("basic") && !clientAuth.equals("post")) {
            throw new IllegalArgumentException(prefix + "client-auth must be basic or post");
        }
        return new ProviderClient(
                config.value(prefix + "client-id").orElseThrow(),
                new ClientSecret(config.value(prefix + "client-secret").orElseThrow()),
                clientAuth.equals("post") ? ClientAuthentication.POST : ClientAuthentication.BASIC);
    }

    private static ScopePolicy scopes(ConfigKeys config, String prefix, Optional<BuiltInProvider> defaults) {
        List<String> requested = config.value(prefix + "scopes").isPresent()
                ? config.scopes(prefix + "scopes")
                : defaults.map(BuiltInProvider::scopes).orElse(List.of());
        return ScopePolicy.requesting(requested).requiring(config.scopes(prefix + "required-scopes"));
    }

    private static Pkce pkce(
            ConfigKeys config, String prefix, OAuthVersion version, Optional<BuiltInProvider> defaults) {
        Optional<String> configured = config.value(prefix + "pkce");
        if (configured.isPresent()
                && !configured.get().equals("S256")
                && !configured.get().equals("none")) {
            throw new IllegalArgumentException(prefix + "pkce must be S256 or none (plain is not supported)");
        }
        Pkce pkce = configured
                .map(label -> label.equals("S256") ? Pkce.S256 : Pkce.NONE)
                .or(() -> defaults.map(BuiltInProvider::pkce))
                .orElse(version == OAuthVersion.OAUTH_1_0A ? Pkce.NONE : Pkce.S256);
        if (version == OAuthVersion.OAUTH_1_0A && pkce == Pkce.S256) {
            throw new IllegalArgumentException(prefix + "pkce must be none for an OAuth 1.0a provider");
        }
        return pkce;
    }

    /** RFC 9207: {@code issuer} names the expected issuer, {@code require-iss=true} makes its {@code iss} required. */
    private static IssuerPolicy issuer(ConfigKeys config, String prefix) {
        Optional<String> issuer = config.value(prefix + "issuer");
        boolean required =
                config.value(prefix + "require-iss").map(Boolean::parseBoolean).orElse(false);
        if (issuer.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException(prefix + "require-iss needs " + prefix + "issuer");
            }
            return IssuerPolicy.none();
        }
        return required ? IssuerPolicy.required(issuer.get()) : IssuerPolicy.expected(issuer.get());
    }

    private static Optional<URI> url(ConfigKeys config, String key) {
        return config.value(key).map(text -> {
            URI uri = URI.create(text);
            if (!uri.isAbsolute()
                    || uri.getHost() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException(key + " must be an absolute http(s) URL");
            }
            return uri;
        });
    }

    @Override
    public Optional<ConfiguredProvider> find(ProviderSlug slug) {
        return Optional.ofNullable(providers.get(slug));
    }

    @Override
    public List<ConfiguredProvider> all() {
        return List.copyOf(providers.values());
    }

    Map<ProviderSlug, List<String>> missingKeysBySlug() {
        return missingKeys;
    }

    @Override
    public List<String> missingKeys(ProviderSlug slug) {
        return missingKeys.getOrDefault(slug, List.of());
    }
}
