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
import health.wearables.domain.lifecycle.Retirement;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListProvidersServiceTest {
    private static final Retirement FITBIT_RETIRES =
            new Retirement(LocalDate.of(2026, 10, 30), Optional.of(new ProviderSlug("google-health")));
    private static final BuiltInProvider FITBIT = retiring(defaults("fitbit", "Fitbit"), FITBIT_RETIRES);
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
            new ListProvidersService(gateway.projects, builtIns, gateway.providers, gateway.clock, gateway.audits);

    private static BuiltInProvider retiring(BuiltInProvider builtIn, Retirement retirement) {
        return new BuiltInProvider(
                builtIn.slug(),
                builtIn.displayName(),
                builtIn.description(),
                builtIn.endpoints(),
                builtIn.scopes(),
                builtIn.pkce(),
                builtIn.clientAuthentication(),
                Optional.of(retirement));
    }

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
                        new ProviderSlug("oura"), "Oura", "Oura API", OAuthVersion.OAUTH_2_0, false, Optional.empty()));
        assertThat(listing.get(0).description())
                .as("a configured built-in keeps its description")
                .isEqualTo("Fitbit API");
    }

    @Test
    void a_retiring_provider_is_listed_with_its_day_and_successor_as_the_built_ins_announced_them() {
        List<ProviderListing> listing = ok(service.list(Optional.of(new ApiKey(Gateway.ACME_KEY))));

        assertThat(listing.get(0).retirement()).contains(FITBIT_RETIRES);
        assertThat(listing.get(2).retirement()).as("oura").isEmpty();
    }

    @Test
    void with_the_retirements_given_configured_days_are_listed_configured_or_not() {
        gateway.retirements.retire("fitbit", LocalDate.of(2026, 9, 30), "google-health");
        gateway.retirements.retire("oura", LocalDate.of(2027, 3, 1));
        ListProvidersService withRetirements = new ListProvidersService(
                gateway.projects, builtIns, gateway.providers, gateway.retirements, gateway.clock, gateway.audits);

        List<ProviderListing> listing = ok(withRetirements.list(Optional.of(new ApiKey(Gateway.ACME_KEY))));

        assertThat(listing.get(0).retirement())
                .contains(new Retirement(LocalDate.of(2026, 9, 30), Optional.of(new ProviderSlug("google-health"))));
        assertThat(listing.get(2).retirement()).contains(new Retirement(LocalDate.of(2027, 3, 1), Optional.empty()));
        assertThat(listing.get(3).retirement()).as("strava").isEmpty();
    }

    @Test
    void listing_needs_a_project_api_key() {
        assertThat(rejection(service.list(Optional.empty())).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(rejection(service.list(Optional.of(new ApiKey("nope")))).code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
    }
}
