package health.wearables.adapters.rest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.KnownProviders;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.ProviderConfig;
import health.wearables.domain.ProviderDefaults;
import health.wearables.domain.ProviderSlug;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicroProfileProviderCatalogTest {
    private static final ProviderDefaults FITBIT = new ProviderDefaults("fitbit", "Fitbit", "Fitbit Web API",
            URI.create("https://www.fitbit.com/oauth2/authorize"), URI.create("https://api.fitbit.com/oauth2/token"),
            URI.create("https://api.fitbit.com/"), List.of("activity", "sleep"), true, ClientAuthentication.BASIC);
    private static final ProviderDefaults OURA = new ProviderDefaults("oura", "Oura", "Oura API",
            URI.create("https://cloud.ouraring.com/oauth/authorize"), URI.create("https://api.ouraring.com/oauth/token"),
            URI.create("https://api.ouraring.com/"), List.of("daily"), false, ClientAuthentication.POST);

    private static final KnownProviders KNOWN = new KnownProviders() {
        @Override
        public Optional<ProviderDefaults> defaults(ProviderSlug slug) {
            return all().stream().filter(d -> d.slug().equals(slug.value())).findFirst();
        }

        @Override
        public List<ProviderDefaults> all() {
            return List.of(FITBIT, OURA);
        }
    };

    private final Map<String, String> config = new HashMap<>();

    private MicroProfileProviderCatalog catalog() {
        return MicroProfileProviderCatalog.read(new ConfigKeys(key -> Optional.ofNullable(config.get(key))), KNOWN);
    }

    @Test
    void a_built_in_provider_needs_only_its_client_credentials_and_takes_its_documented_defaults() {
        config.put("wearables.providers", "fitbit");
        config.put("wearables.providers.fitbit.client-id", "our-fitbit-client");
        config.put("wearables.providers.fitbit.client-secret", "s3cr3t-value");

        ProviderConfig fitbit = catalog().find(new ProviderSlug("fitbit")).orElseThrow();

        assertThat(fitbit.authorizationUri()).isEqualTo(FITBIT.authorizationUri());
        assertThat(fitbit.tokenUri()).isEqualTo(FITBIT.tokenUri());
        assertThat(fitbit.scopes()).containsExactly("activity", "sleep");
        assertThat(fitbit.pkce()).isTrue();
        assertThat(fitbit.clientAuthentication()).isEqualTo(ClientAuthentication.BASIC);
        assertThat(fitbit.displayName()).isEqualTo("Fitbit");
        assertThat(fitbit.clientId()).isEqualTo("our-fitbit-client");
    }

    @Test
    void any_key_overrides_a_default() {
        config.put("wearables.providers", "fitbit");
        config.put("wearables.providers.fitbit.client-id", "id");
        config.put("wearables.providers.fitbit.client-secret", "secret");
        config.put("wearables.providers.fitbit.scopes", "heartrate, sleep");
        config.put("wearables.providers.fitbit.client-auth", "post");
        config.put("wearables.providers.fitbit.token-url", "https://proxy.example/fitbit/token");

        ProviderConfig fitbit = catalog().find(new ProviderSlug("fitbit")).orElseThrow();

        assertThat(fitbit.scopes()).containsExactly("heartrate", "sleep");
        assertThat(fitbit.clientAuthentication()).isEqualTo(ClientAuthentication.POST);
        assertThat(fitbit.tokenUri()).isEqualTo(URI.create("https://proxy.example/fitbit/token"));
    }

    @Test
    void a_generic_provider_needs_its_urls_and_credentials() {
        config.put("wearables.providers", "acme-watch");
        config.put("wearables.providers.acme-watch.client-id", "id");
        config.put("wearables.providers.acme-watch.client-secret", "secret");

        MicroProfileProviderCatalog catalog = catalog();

        assertThat(catalog.find(new ProviderSlug("acme-watch"))).isEmpty();
        assertThat(catalog.missingKeys(new ProviderSlug("acme-watch"))).containsExactly(
                "wearables.providers.acme-watch.authorization-url", "wearables.providers.acme-watch.token-url");
    }

    @Test
    void a_built_in_provider_not_listed_or_without_credentials_names_what_it_lacks() {
        config.put("wearables.providers", "oura");
        config.put("wearables.providers.oura.client-id", "id");

        MicroProfileProviderCatalog catalog = catalog();

        assertThat(catalog.all()).isEmpty();
        assertThat(catalog.missingKeys(new ProviderSlug("oura"))).containsExactly("wearables.providers.oura.client-secret");
        assertThat(catalog.missingKeys(new ProviderSlug("fitbit"))).containsExactly("wearables.providers (add fitbit)",
                "wearables.providers.fitbit.client-id", "wearables.providers.fitbit.client-secret");
        assertThat(catalog.missingKeys(new ProviderSlug("nosuch"))).isEmpty();
    }

    @Test
    void a_malformed_value_stops_the_start_naming_the_key_but_not_the_secret() {
        config.put("wearables.providers", "fitbit");
        config.put("wearables.providers.fitbit.client-id", "id");
        config.put("wearables.providers.fitbit.client-secret", "do-not-print-me");
        config.put("wearables.providers.fitbit.pkce", "plain");

        assertThatThrownBy(this::catalog).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wearables.providers.fitbit.pkce")
                .hasMessageNotContaining("do-not-print-me");
    }
}
