package health.wearables.application.service;

import static health.wearables.application.service.Gateway.ok;
import static health.wearables.application.service.Gateway.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.domain.ApiKey;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderListing;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RejectionCode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListProvidersServiceTest {
    private static final BuiltInProvider FITBIT = defaults("fitbit", "Fitbit");
    private static final BuiltInProvider OURA = defaults("oura", "Oura");

    private final Gateway gateway = new Gateway();
    private final BuiltInProviders builtIns = new BuiltInProviders() {
        @Override
        public Optional<BuiltInProvider> find(ProviderSlug slug) {
            return all().stream().filter(d -> d.slug().equals(slug.value())).findFirst();
        }

        @Override
        public List<BuiltInProvider> all() {
            return List.of(FITBIT, OURA);
        }
    };
    private final ListProvidersService service =
            new ListProvidersService(gateway.projects, builtIns, gateway.providers);

    private static BuiltInProvider defaults(String slug, String name) {
        return new BuiltInProvider(
                slug,
                name,
                name + " API",
                ProviderEndpoints.oauth2(
                        URI.create("https://" + slug + ".example/authorize"),
                        URI.create("https://" + slug + ".example/token"),
                        URI.create("https://api." + slug + ".example/")),
                List.of("activity"),
                Pkce.S256,
                ClientAuthentication.BASIC,
                Optional.empty());
    }

    @Test
    void built_in_and_configured_providers_are_listed_by_slug_with_whether_they_can_be_connected() {
        List<ProviderListing> listing = ok(service.list(Optional.of(new ApiKey(Gateway.ACME_KEY))));

        assertThat(listing)
                .extracting(p -> p.slug().value())
                .containsExactly("fitbit", "garmin-legacy", "oura", "strava", "withings");
        assertThat(listing)
                .filteredOn(ProviderListing::configured)
                .extracting(p -> p.slug().value())
                .containsExactly("fitbit", "garmin-legacy", "strava", "withings");
        assertThat(listing.get(1).oauthVersion()).isEqualTo(OAuthVersion.OAUTH_1_0A);
        assertThat(listing.get(2))
                .isEqualTo(new ProviderListing(
                        new ProviderSlug("oura"), "Oura", "Oura API", OAuthVersion.OAUTH_2_0, false));
        assertThat(listing.get(0).description())
                .as("a configured built-in keeps its description")
                .isEqualTo("Fitbit API");
    }

    @Test
    void listing_needs_a_project_api_key() {
        assertThat(rejection(service.list(Optional.empty())).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(rejection(service.list(Optional.of(new ApiKey("nope")))).code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
    }
}
