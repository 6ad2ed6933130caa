package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ApiKey;
import health.wearables.domain.OAuthVersion;
import health.wearables.domain.ProviderListing;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.lifecycle.Retirement;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/wearables/providers}: what a dashboard can offer. */
class ProvidersEndpointTest {
    private static ApiServer api;

    @BeforeAll
    static void start() {
        api = ApiServer.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
    }

    @Test
    void lists_each_provider_with_its_name_oauth_version_and_whether_it_is_configured() {
        api.listProviders.lists(
                new ProviderListing(
                        new ProviderSlug("withings"),
                        "Withings",
                        "Withings Public API",
                        OAuthVersion.OAUTH_2_0,
                        true,
                        Optional.empty()),
                new ProviderListing(
                        new ProviderSlug("garmin-legacy"),
                        "Garmin (legacy OAuth 1.0a)",
                        "Garmin Health API",
                        OAuthVersion.OAUTH_1_0A,
                        false,
                        Optional.empty()));

        Answer answer = api.get("/v1/wearables/providers", "Authorization", "Bearer " + ApiServer.API_KEY);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject withings = answer.array().getJsonObject(0);
        assertThat(withings.keySet())
                .containsExactly("slug", "displayName", "description", "oauthVersion", "configured");
        assertThat(withings.getString("slug")).isEqualTo("withings");
        assertThat(withings.getString("displayName")).isEqualTo("Withings");
        assertThat(withings.getString("description")).isEqualTo("Withings Public API");
        assertThat(withings.getString("oauthVersion")).isEqualTo("2.0");
        assertThat(withings.getBoolean("configured")).isTrue();
        JsonObject garmin = answer.array().getJsonObject(1);
        assertThat(garmin.getString("oauthVersion")).isEqualTo("1.0a");
        assertThat(garmin.getBoolean("configured")).isFalse();
        assertThat(api.listProviders.calls()).containsExactly(Optional.of(new ApiKey(ApiServer.API_KEY)));
    }

    @Test
    void a_retiring_provider_is_listed_with_its_day_and_its_successor_where_it_has_one() {
        api.listProviders.lists(
                new ProviderListing(
                        new ProviderSlug("fitbit"),
                        "Fitbit",
                        "Fitbit Web API (legacy)",
                        OAuthVersion.OAUTH_2_0,
                        true,
                        Optional.of(new Retirement(
                                LocalDate.of(2026, 10, 30), Optional.of(new ProviderSlug("google-health"))))),
                new ProviderListing(
                        new ProviderSlug("acme-watch"),
                        "Acme Watch",
                        "OAuth 2.0 provider",
                        OAuthVersion.OAUTH_2_0,
                        true,
                        Optional.of(new Retirement(LocalDate.of(2027, 1, 15), Optional.empty()))));

        Answer answer = api.get("/v1/wearables/providers", "Authorization", "Bearer " + ApiServer.API_KEY);

        JsonObject fitbit = answer.array().getJsonObject(0);
        assertThat(fitbit.keySet())
                .containsExactly(
                        "slug", "displayName", "description", "oauthVersion", "configured", "retiresOn", "successor");
        assertThat(fitbit.getString("retiresOn")).isEqualTo("2026-10-30");
        assertThat(fitbit.getString("successor")).isEqualTo("google-health");
        JsonObject acme = answer.array().getJsonObject(1);
        assertThat(acme.getString("retiresOn")).isEqualTo("2027-01-15");
        assertThat(acme.containsKey("successor")).isFalse();
    }

    @Test
    void without_a_valid_key_it_is_401() {
        api.listProviders.refuses(RejectionCode.UNAUTHORIZED);

        api.get("/v1/wearables/providers").isError(401, "UNAUTHORIZED");
        assertThat(api.listProviders.calls()).containsExactly(Optional.empty());
    }
}
