package health.wearables.adapters.rest.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.IssuerPolicy;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ScopePolicy;
import health.wearables.domain.lifecycle.Retirement;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class MicroProfileConfiguredProvidersTest {
    private static final URI FITBIT_REVOCATION = URI.create("https://api.fitbit.com/oauth2/revoke");
    private static final BuiltInProvider FITBIT = new BuiltInProvider(
            "fitbit",
            "Fitbit",
            "Fitbit Web API",
            ProviderEndpoints.oauth2(
                            URI.create("https://www.fitbit.com/oauth2/authorize"),
                            URI.create("https://api.fitbit.com/oauth2/token"),
                            URI.create("https://api.fitbit.com/"))
                    .withRevocation(FITBIT_REVOCATION),
            List.of("activity", "sleep"),
            Pkce.S256,
            ClientAuthentication.BASIC,
            Optional.empty());
    private static final BuiltInProvider OURA = new BuiltInProvider(
            "oura",
            "Oura",
            "Oura API",
            ProviderEndpoints.oauth2(
                    URI.create("https://cloud.ouraring.com/oauth/authorize"),
                    URI.create("https://api.ouraring.com/oauth/token"),
                    URI.create("https://api.ouraring.com/")),
            List.of("daily"),
            Pkce.NONE,
            ClientAuthentication.POST,
            Optional.empty());

    private static final BuiltInProvider LEGACY = new BuiltInProvider(
            "legacy-watch",
            "Legacy Watch",
            "Legacy Watch API, OAuth 1.0a, being retired",
            ProviderEndpoints.oauth1(
                    URI.create("https://legacy.example/oauth/request_token"),
                    URI.create("https://legacy.example/oauth/authorize"),
                    URI.create("https://legacy.example/oauth/access_token"),
                    URI.create("https://api.legacy.example/")),
            List.of(),
            Pkce.NONE,
            ClientAuthentication.BASIC,
            Optional.of(new Retirement(LocalDate.of(2026, 12, 31), Optional.empty())));

    private static final BuiltInProviders BUILT_IN = new BuiltInProviders() {
        @Override
        public Optional<BuiltInProvider> find(ProviderSlug slug) {
            return all().stream().filter(d -> d.slug().equals(slug.value())).findFirst();
        }

        @Override
        public List<BuiltInProvider> all() {
            return List.of(FITBIT, OURA, LEGACY);
        }
    };

    private final Map<String, String> config = new HashMap<>();

    private MicroProfileConfiguredProviders configured() {
        return MicroProfileConfiguredProviders.read(
                new ConfigKeys(key -> Optional.ofNullable(config.get(key))), BUILT_IN);
    }

    @Test
    void a_built_in_provider_needs_only_its_client_credentials_and_takes_its_documented_defaults() {
        config.put("wearables.providers", "fitbit");
        config.put("wearables.providers.fitbit.client-id", "our-fitbit-client");
        config.put("wearables.providers.fitbit.client-secret", "s3cr3t-value");

        ConfiguredProvider fitbit =
                configured().find(new ProviderSlug("fitbit")).orElseThrow();

        assertThat(fitbit.endpoints().authorization())
                .isEqualTo(FITBIT.endpoints().authorization());
        assertThat(fitbit.endpoints().token()).isEqualTo(FITBIT.endpoints().token());
        assertThat(fitbit.scopes()).isEqualTo(new ScopePolicy(List.of("activity", "sleep"), List.of()));
        assertThat(fitbit.pkce()).isEqualTo(Pkce.S256);
        assertThat(fitbit.client().authentication()).isEqualTo(ClientAuthentication.BASIC);
        assertThat(fitbit.displayName()).isEqualTo("Fitbit");
        assertThat(fitbit.client().id()).isEqualTo("our-fitbit-client");
        assertThat(fitbit.issuer()).isEqualTo(IssuerPolicy.none());
    }

    @Test
    void any_key_overrides_a_default() {
        config.put("wearables.providers", "fitbit");
        config.put("wearables.providers.fitbit.client-id", "id");
        config.put("wearables.providers.fitbit.client-secret", "secret");
        config.put("wearables.providers.fitbit.scopes", "heartrate, sleep");
        config.put("wearables.providers.fitbit.client-auth", "post");
        config.put("wearables.providers.fitbit.token-url", "https://proxy.example/fitbit/token");

        ConfiguredProvider fitbit =
                configured().find(new ProviderSlug("fitbit")).orElseThrow();

        assertThat(fitbit.scopes().requested()).containsExactly("heartrate", "sleep");
        assertThat(fitbit.client().authentication()).isEqualTo(ClientAuthentication.POST);
        assertThat(fitbit.endpoints().token()).isEqualTo(URI.create("https://proxy.example/fitbit/token"));
    }

    @Test
    void a_built_in_provider_takes_its_documented_revocation_url_and_the_key_overrides_it() {
        listed("fitbit");
        assertThat(configured()
                        .find(new ProviderSlug("fitbit"))
                        .orElseThrow()
                        .endpoints()
                        .revocation())
                .contains(FITBIT_REVOCATION);

        config.put("wearables.providers.fitbit.revocation-url", "https://proxy.example/fitbit/revoke");

        assertThat(configured()
                        .find(new ProviderSlug("fitbit"))
                        .orElseThrow()
                        .endpoints()
                        .revocation())
                .contains(URI.create("https://proxy.example/fitbit/revoke"));
    }

    @Test
    void without_the_key_a_provider_without_a_documented_one_has_no_revocation_url() {
        listed("oura");

        assertThat(configured()
                        .find(new ProviderSlug("oura"))
                        .orElseThrow()
                        .endpoints()
                        .revocation())
                .isEmpty();
    }

    @Test
    void a_generic_provider_reads_its_revocation_url_and_keeps_its_other_urls() {
        listed("acme");
        config.put("wearables.providers.acme.authorization-url", "https://acme.example/authorize");
        config.put("wearables.providers.acme.token-url", "https://acme.example/token");
        config.put("wearables.providers.acme.revocation-url", "https://acme.example/revoke");

        ProviderEndpoints endpoints =
                configured().find(new ProviderSlug("acme")).orElseThrow().endpoints();

        assertThat(endpoints.revocation()).contains(URI.create("https://acme.example/revoke"));
        assertThat(endpoints.token()).isEqualTo(URI.create("https://acme.example/token"));
        assertThat(endpoints.requestToken()).isEmpty();
    }

    @Test
    void a_revocation_url_over_plain_http_is_taken_only_for_this_machine() {
        listed("acme");
        config.put("wearables.providers.acme.authorization-url", "https://acme.example/authorize");
        config.put("wearables.providers.acme.token-url", "https://acme.example/token");
        for (String local : List.of("http://127.0.0.1:19095/acme/revoke", "http://localhost:8080/revoke")) {
            config.put("wearables.providers.acme.revocation-url", local);
            assertThat(configured()
                            .find(new ProviderSlug("acme"))
                            .orElseThrow()
                            .endpoints()
                            .revocation())
                    .contains(URI.create(local));
        }

        config.put("wearables.providers.acme.revocation-url", "http://acme.example/revoke");

        assertThatThrownBy(this::configured)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wearables.providers.acme.revocation-url")
                .hasMessageContaining("https")
                .hasMessageNotContaining("acme.example/revoke")
                .hasMessageNotContaining("secret-of-acme");
    }

    @Test
    void a_revocation_url_that_is_not_absolute_stops_the_start_naming_the_key() {
        listed("fitbit");
        config.put("wearables.providers.fitbit.revocation-url", "/oauth2/revoke");

        assertThatThrownBy(this::configured)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wearables.providers.fitbit.revocation-url");
    }

    /** Lists the provider with client credentials and nothing else. */
    private void listed(String slug) {
        config.put("wearables.providers", slug);
        config.put("wearables.providers." + slug + ".client-id", "id-of-" + slug);
        config.put("wearables.providers." + slug + ".client-secret", "secret-of-" + slug);
    }

    @Test
    void a_generic_provider_needs_its_urls_and_credentials() {
        config.put("wearables.providers", "acme-watch");
        config.put("wearables.providers.acme-watch.client-id", "id");
        config.put("wearables.providers.acme-watch.client-secret", "secret");

        MicroProfileConfiguredProviders configured = configured();

        assertThat(configured.find(new ProviderSlug("acme-watch"))).isEmpty();
        assertThat(configured.missingKeys(new ProviderSlug("acme-watch")))
                .containsExactly(
                        "wearables.providers.acme-watch.authorization-url", "wearables.providers.acme-watch.token-url");
    }

    @Test
    void a_built_in_provider_not_listed_or_without_credentials_names_what_it_lacks() {
        config.put("wearables.providers", "oura");
        config.put("wearables.providers.oura.client-id", "id");

        MicroProfileConfiguredProviders configured = configured();

        assertThat(configured.all()).isEmpty();
        assertThat(configured.missingKeys(new ProviderSlug("oura")))
                .containsExactly("wearables.providers.oura.client-secret");
        assertThat(configured.missingKeys(new ProviderSlug("fitbit")))
                .containsExactly(
                        "wearables.providers (add fitbit)",
                        "wearables.providers.fitbit.client-id",
                        "wearables.providers.fitbit.client-secret");
        assertThat(configured.missingKeys(new ProviderSlug("nosuch"))).isEmpty();
    }

    @Test
    void a_malformed_value_stops_the_start_naming_the_key_but_not_the_secret() {
        config.put("wearables.providers", "fitbit");
        config.put("wearables.providers.fitbit.client-id", "id");
        config.put("wearables.providers.fitbit.client-secret", "do-not-print-me");
        config.put("wearables.providers.fitbit.pkce", "plain");

        assertThatThrownBy(this::configured)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wearables.providers.fitbit.pkce")
                .hasMessageNotContaining("do-not-print-me");
    }

    /** Lists the provider with consumer credentials and nothing else. */
    private void listedWithConsumer(String slug) {
        config.put("wearables.providers", slug);
        config.put("wearables.providers." + slug + ".client-id", "consumer-key");
        config.put("wearables.providers." + slug + ".client-secret", "consumer-secret");
    }

    @Test
    void a_generic_oauth1_provider_needs_its_request_token_url_too() {
        listedWithConsumer("tumbler");
        config.put("wearables.providers.tumbler.oauth-version", "1.0a");

        assertThat(configured().missingKeys(new ProviderSlug("tumbler")))
                .containsExactly(
                        "wearables.providers.tumbler.request-token-url",
                        "wearables.providers.tumbler.authorization-url",
                        "wearables.providers.tumbler.token-url");
    }

    @Test
    void a_configured_oauth1_provider_has_its_three_urls_and_no_pkce() {
        listedWithConsumer("tumbler");
        config.put("wearables.providers.tumbler.oauth-version", "1.0a");
        config.put("wearables.providers.tumbler.request-token-url", "https://tumbler.example/oauth/request_token");
        config.put("wearables.providers.tumbler.authorization-url", "https://tumbler.example/oauth/authorize");
        config.put("wearables.providers.tumbler.token-url", "https://tumbler.example/oauth/access_token");

        ConfiguredProvider tumbler =
                configured().find(new ProviderSlug("tumbler")).orElseThrow();

        assertThat(tumbler.oauthVersion()).isEqualTo(OAuthVersion.OAUTH_1_0A);
        assertThat(tumbler.endpoints().requestToken())
                .contains(URI.create("https://tumbler.example/oauth/request_token"));
        assertThat(tumbler.endpoints().token()).isEqualTo(URI.create("https://tumbler.example/oauth/access_token"));
        assertThat(tumbler.pkce()).isEqualTo(Pkce.NONE);
    }

    @Test
    void the_issuer_and_require_iss_make_the_rfc_9207_check_and_required_scopes_are_read() {
        listedWithConsumer("fitbit");
        config.put("wearables.providers.fitbit.issuer", "https://www.fitbit.com");
        config.put("wearables.providers.fitbit.required-scopes", "activity");

        assertThat(configured().find(new ProviderSlug("fitbit")).orElseThrow().issuer())
                .isEqualTo(IssuerPolicy.expected("https://www.fitbit.com"));

        config.put("wearables.providers.fitbit.require-iss", "true");
        ConfiguredProvider fitbit =
                configured().find(new ProviderSlug("fitbit")).orElseThrow();

        assertThat(fitbit.issuer()).isEqualTo(IssuerPolicy.required("https://www.fitbit.com"));
        assertThat(fitbit.scopes()).isEqualTo(new ScopePolicy(List.of("activity", "sleep"), List.of("activity")));
    }

    @Test
    void require_iss_without_an_issuer_stops_the_start() {
        listedWithConsumer("fitbit");
        config.put("wearables.providers.fitbit.require-iss", "true");

        assertThatThrownBy(this::configured)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wearables.providers.fitbit.require-iss needs wearables.providers.fitbit.issuer");
    }

    @Test
    void pkce_on_an_oauth1_provider_stops_the_start() {
        listedWithConsumer("legacy-watch");
        config.put("wearables.providers.legacy-watch.pkce", "S256");

        assertThatThrownBy(this::configured).hasMessageContaining("pkce must be none for an OAuth 1.0a provider");
    }

    @Test
    void
            a_configured_provider_with_an_announced_end_is_read_like_any_other_and_leaves_the_warning_to_the_retirements() {
        listedWithConsumer("legacy-watch");

        List<String> warnings = warningsWhile(this::configured);
        ConfiguredProvider legacy =
                configured().find(new ProviderSlug("legacy-watch")).orElseThrow();

        assertThat(legacy.oauthVersion()).isEqualTo(OAuthVersion.OAUTH_1_0A);
        assertThat(legacy.endpoints().requestToken())
                .isEqualTo(LEGACY.endpoints().requestToken());
        assertThat(warnings).isEmpty(); // MicroProfileRetirements warns, with configured dates too
    }

    private static List<String> warningsWhile(Runnable action) {
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(new java.util.logging.SimpleFormatter().formatMessage(record));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(MicroProfileConfiguredProviders.class.getName());
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return warnings;
    }
}
