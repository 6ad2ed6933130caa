package health.wearables.adapters.rest.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.lifecycle.Retirement;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentedBuiltInProvidersTest {
    private final DocumentedBuiltInProviders providers = DocumentedBuiltInProviders.standard();

    @Test
    void knows_the_built_in_slugs() {
        assertThat(providers.bySlug().keySet())
                .containsExactlyInAnyOrder(
                        "fitbit",
                        "google-health",
                        "garmin",
                        "garmin-legacy",
                        "oura",
                        "withings",
                        "whoop",
                        "polar",
                        "dexcom",
                        "dexcom-sandbox",
                        "strava",
                        "suunto");
    }

    @Test
    void garmin_legacy_is_oauth_1_0a_through_garmins_three_urls_and_retires_at_the_end_of_2026() {
        ConfiguredProvider legacy = providers
                .find(new ProviderSlug("garmin-legacy"))
                .orElseThrow()
                .configured("consumer-key", new ClientSecret("consumer-secret"));

        assertThat(legacy.oauthVersion()).isEqualTo(OAuthVersion.OAUTH_1_0A);
        assertThat(legacy.endpoints().requestToken())
                .contains(URI.create("https://connectapi.garmin.com/oauth-service/oauth/request_token"));
        assertThat(legacy.endpoints().authorization()).isEqualTo(URI.create("https://connect.garmin.com/oauthConfirm"));
        assertThat(legacy.endpoints().token())
                .isEqualTo(URI.create("https://connectapi.garmin.com/oauth-service/oauth/access_token"));
        assertThat(legacy.pkce()).isEqualTo(Pkce.NONE);
        assertThat(providers.find(legacy.slug()).orElseThrow().retirement())
                .contains(new Retirement(LocalDate.of(2026, 12, 31), Optional.of(new ProviderSlug("garmin"))));
        assertThat(providers.find(new ProviderSlug("garmin")).orElseThrow().oauthVersion())
                .isEqualTo(OAuthVersion.OAUTH_2_0);
    }

    @Test
    void fitbit_retires_when_google_turns_the_legacy_web_api_off_and_names_google_health_as_its_successor() {
        Retirement retirement = providers
                .find(new ProviderSlug("fitbit"))
                .orElseThrow()
                .retirement()
                .orElseThrow();

        assertThat(retirement.on()).isEqualTo(LocalDate.of(2026, 10, 30));
        assertThat(retirement.successor()).contains(new ProviderSlug("google-health"));
        assertThat(providers.find(retirement.successor().orElseThrow())).isPresent();
    }

    @Test
    void only_fitbit_and_garmin_legacy_have_announced_a_retirement_and_every_successor_is_built_in() {
        assertThat(providers.all().stream()
                        .filter(builtIn -> builtIn.retirement().isPresent())
                        .map(BuiltInProvider::slug))
                .containsExactly("fitbit", "garmin-legacy");
        providers
                .all()
                .forEach(builtIn -> builtIn.retirement()
                        .flatMap(Retirement::successor)
                        .ifPresent(successor -> assertThat(providers.find(successor))
                                .as(builtIn.slug())
                                .isPresent()));
    }

    @Test
    void any_other_slug_is_plain_oauth_without_defaults() {
        ProviderSlug other = new ProviderSlug(TestProviders.SLUG);

        assertThat(providers.quirks(other)).isSameAs(ProviderQuirks.GENERIC);
        assertThat(providers.find(other)).isEmpty();
        assertThat(ProviderQuirks.GENERIC.scopeSeparator()).isEqualTo(" ");
        assertThat(ProviderQuirks.GENERIC.authorizationParameters()).isEmpty();
        assertThat(ProviderQuirks.GENERIC.tokenFormFields()).isEmpty();
    }

    @Test
    void every_default_becomes_a_valid_https_configuration_under_its_own_slug() {
        providers.bySlug().forEach((slug, builtIn) -> {
            ConfiguredProvider config = builtIn.defaults().configured("id", new ClientSecret("secret"));
            assertThat(config.slug().value()).isEqualTo(slug);
            assertThat(providers.quirks(config.slug())).isSameAs(builtIn.quirks());
            assertThat(config.endpoints().authorization().getScheme()).as(slug).isEqualTo("https");
            assertThat(config.endpoints().token().getScheme()).as(slug).isEqualTo("https");
            assertThat(config.endpoints().apiBase().getScheme()).as(slug).isEqualTo("https");
            assertThat(builtIn.defaults().description()).as(slug).isNotBlank();
        });
    }
}
