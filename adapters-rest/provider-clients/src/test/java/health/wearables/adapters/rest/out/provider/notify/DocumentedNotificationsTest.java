package health.wearables.adapters.rest.out.provider.notify;

import static health.wearables.adapters.rest.out.provider.notify.Readers.CLIENT_SECRET;
import static health.wearables.adapters.rest.out.provider.notify.Readers.NOW;
import static health.wearables.adapters.rest.out.provider.notify.Readers.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.notify.NotificationVerdict.Accepted;
import health.wearables.domain.notify.NotificationVerdict.Rejected;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentedNotificationsTest {
    private final Readers readers = new Readers();

    @ParameterizedTest
    @ValueSource(strings = {"dexcom", "dexcom-sandbox", "suunto", "google-health", "acme-fit"})
    void a_provider_without_notifications_the_gateway_reads_answers_empty(String slug) {
        var sent = NotificationSender.garmin(VERIFY_TOKEN).dataAvailable("user").inbound(NOW);

        assertThat(readers.readIfServed(slug, sent)).isEmpty();
    }

    @Test
    void a_provider_that_is_not_configured_answers_empty() {
        ConfiguredProviders none = new ConfiguredProviders() {
            @Override
            public Optional<ConfiguredProvider> find(ProviderSlug slug) {
                return Optional.empty();
            }

            @Override
            public List<ConfiguredProvider> all() {
                return List.of();
            }
        };
        var notifications = new DocumentedNotifications(none, slug -> Readers.CONFIGURED, readers.seen);

        assertThat(notifications.read(
                        new ProviderSlug("oura"),
                        NotificationSender.oura(CLIENT_SECRET)
                                .at(NOW)
                                .dataAvailable("u")
                                .inbound(NOW)))
                .isEmpty();
    }

    @Test
    void a_body_over_64_kib_is_refused_before_it_is_read() {
        var strava = NotificationSender.strava(VERIFY_TOKEN);
        String padding = " ".repeat(64 * 1024);
        var large = strava.dataAvailable(1).withBody("{\"object_type\":\"activity\"}" + padding);

        assertThat(readers.read("strava", large)).isInstanceOf(Rejected.class);
        assertThat(readers.read("strava", strava.dataAvailable(1))).isInstanceOf(Accepted.class);
    }

    @Test
    void garmin_pushes_whole_summaries_so_its_bodies_may_be_larger() {
        var garmin = NotificationSender.garmin(VERIFY_TOKEN);
        String padding = " ".repeat(1024 * 1024);

        assertThat(readers.read("garmin", garmin.body("{\"dailies\":[{\"userId\":\"u\"}]}" + padding)))
                .isInstanceOf(Accepted.class);
        assertThat(readers.read("garmin", garmin.body("{}" + " ".repeat(GarminNotifications.MAX_BODY_BYTES))))
                .isInstanceOf(Rejected.class);
    }
}
