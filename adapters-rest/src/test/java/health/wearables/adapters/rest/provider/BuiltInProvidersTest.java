package health.wearables.adapters.rest.provider;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientSecret;
import health.wearables.domain.ProviderConfig;
import health.wearables.domain.ProviderSlug;
import org.junit.jupiter.api.Test;

class BuiltInProvidersTest {
    private final BuiltInProviders providers = BuiltInProviders.standard();

    @Test
    void knows_the_built_in_slugs() {
        assertThat(providers.bySlug().keySet()).containsExactlyInAnyOrder("fitbit", "google-health", "garmin", "oura",
                "withings", "whoop", "polar", "dexcom", "dexcom-sandbox", "strava", "suunto");
    }

    @Test
    void any_other_slug_is_plain_oauth_without_defaults() {
        ProviderSlug other = new ProviderSlug(TestProviders.SLUG);

        assertThat(providers.quirks(other)).isSameAs(ProviderQuirks.GENERIC);
        assertThat(providers.defaults(other)).isEmpty();
        assertThat(ProviderQuirks.GENERIC.scopeSeparator()).isEqualTo(" ");
        assertThat(ProviderQuirks.GENERIC.authorizationParameters()).isEmpty();
        assertThat(ProviderQuirks.GENERIC.tokenFormFields()).isEmpty();
    }

    @Test
    void every_default_becomes_a_valid_https_configuration_under_its_own_slug() {
        providers.bySlug().forEach((slug, builtIn) -> {
            ProviderConfig config = builtIn.defaults().configuration("id", new ClientSecret("secret"));
            assertThat(config.slug().value()).isEqualTo(slug);
            assertThat(providers.quirks(config.slug())).isSameAs(builtIn.quirks());
            assertThat(config.authorizationUri().getScheme()).as(slug).isEqualTo("https");
            assertThat(config.tokenUri().getScheme()).as(slug).isEqualTo("https");
            assertThat(config.apiBaseUri().getScheme()).as(slug).isEqualTo("https");
            assertThat(builtIn.defaults().description()).as(slug).isNotBlank();
        });
    }
}
