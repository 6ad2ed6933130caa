package health.wearables.adapters.rest.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ClientAuthentication;
import health.wearables.domain.Pkce;
import health.wearables.domain.ProviderEndpoints;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.lifecycle.Retirement;
import java.net.URI;
import java.time.Instant;
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

class MicroProfileRetirementsTest {
    private static final Instant BEFORE = Instant.parse("2026-10-29T23:59:59Z");
    private static final Instant ON_THE_DAY = Instant.parse("2026-10-30T00:00:00Z");
    private static final ProviderSlug FITBIT = new ProviderSlug("fitbit");
    private static final ProviderSlug HEALTH = new ProviderSlug("google-health");
    private static final ProviderSlug OURA = new ProviderSlug("oura");
    private static final Retirement ANNOUNCED = new Retirement(LocalDate.of(2026, 10, 30), Optional.of(HEALTH));

    private static final BuiltInProviders BUILT_IN = new BuiltInProviders() {
        @Override
        public Optional<BuiltInProvider> find(ProviderSlug slug) {
            return all().stream().filter(d -> d.slug().equals(slug.value())).findFirst();
        }

        @Override
        public List<BuiltInProvider> all() {
            return List.of(
                    builtIn("fitbit", Optional.of(ANNOUNCED)),
                    builtIn("google-health", Optional.empty()),
                    builtIn("oura", Optional.empty()));
        }
    };

    private final Map<String, String> config = new HashMap<>();

    private static BuiltInProvider builtIn(String slug, Optional<Retirement> retirement) {
        return new BuiltInProvider(
                slug,
                slug,
                slug + " API",
                ProviderEndpoints.oauth2(
                        URI.create("https://" + slug + ".example/authorize"),
                        URI.create("https://" + slug + ".example/token"),
                        URI.create("https://api." + slug + ".example/")),
                List.of(),
                Pkce.S256,
                ClientAuthentication.BASIC,
                retirement);
    }

    private MicroProfileRetirements readAt(Instant now) {
        return MicroProfileRetirements.read(new ConfigKeys(key -> Optional.ofNullable(config.get(key))), BUILT_IN, now);
    }

    @Test
    void built_in_providers_carry_their_announced_retirement_listed_or_not() {
        MicroProfileRetirements retirements = readAt(BEFORE);

        assertThat(retirements.of(FITBIT)).contains(ANNOUNCED);
        assertThat(retirements.of(OURA)).isEmpty();
        assertThat(retirements.all()).containsOnlyKeys(FITBIT);
    }

    @Test
    void retires_on_overrides_the_announced_day_and_keeps_the_announced_successor() {
        config.put("wearables.providers", "fitbit");
        config.put("wearables.providers.fitbit.retires-on", "2026-09-30");

        assertThat(readAt(BEFORE).of(FITBIT)).contains(new Retirement(LocalDate.of(2026, 9, 30), Optional.of(HEALTH)));
    }

    @Test
    void a_generic_provider_can_be_retired_with_a_successor() {
        config.put("wearables.providers", "acme-watch");
        config.put("wearables.providers.acme-watch.retires-on", "2027-01-15");
        config.put("wearables.providers.acme-watch.successor", "oura");

        assertThat(readAt(BEFORE).of(new ProviderSlug("acme-watch")))
                .contains(new Retirement(LocalDate.of(2027, 1, 15), Optional.of(OURA)));
    }

    @Test
    void the_keys_of_a_provider_that_is_not_listed_are_not_read() {
        config.put("wearables.providers.oura.retires-on", "2026-01-01");

        assertThat(readAt(BEFORE).of(OURA)).isEmpty();
    }

    @Test
    void a_successor_alone_replaces_the_announced_one() {
        config.put("wearables.providers", "fitbit");
        config.put("wearables.providers.fitbit.successor", "oura");

        assertThat(readAt(BEFORE).of(FITBIT)).contains(new Retirement(ANNOUNCED.on(), Optional.of(OURA)));
    }

    @Test
    void a_date_that_is_not_an_iso_date_stops_the_start_naming_the_key() {
        config.put("wearables.providers", "fitbit");
        config.put("wearables.providers.fitbit.retires-on", "30.10.2026");

        assertThatThrownBy(() -> readAt(BEFORE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wearables.providers.fitbit.retires-on must be an ISO date");
    }

    @Test
    void a_successor_that_is_not_a_slug_or_no_date_to_go_with_it_stops_the_start() {
        config.put("wearables.providers", "oura");
        config.put("wearables.providers.oura.successor", "Google Health");
        assertThatThrownBy(() -> readAt(BEFORE))
                .hasMessageContaining("wearables.providers.oura.successor must be the slug of another provider");

        config.put("wearables.providers.oura.successor", "google-health");
        assertThatThrownBy(() -> readAt(BEFORE))
                .hasMessageContaining("wearables.providers.oura.successor needs wearables.providers.oura.retires-on");
    }

    @Test
    void a_listed_provider_warns_at_start_while_its_day_is_ahead_naming_the_day_and_the_successor() {
        config.put("wearables.providers", "fitbit, oura");

        assertThat(warningsWhile(() -> readAt(BEFORE)))
                .singleElement()
                .asString()
                .contains("'fitbit' retires on 2026-10-30")
                .contains("410 PROVIDER_RETIRED")
                .contains("'google-health'");
    }

    @Test
    void from_its_day_on_a_listed_provider_warns_that_it_is_retired() {
        config.put("wearables.providers", "fitbit");

        assertThat(warningsWhile(() -> readAt(ON_THE_DAY)))
                .singleElement()
                .asString()
                .contains("'fitbit' was retired on 2026-10-30")
                .contains("'google-health'");
    }

    @Test
    void a_configured_day_is_warned_about_too_and_a_provider_that_is_not_listed_is_not() {
        config.put("wearables.providers", "acme-watch");
        config.put("wearables.providers.acme-watch.retires-on", "2027-01-15");

        assertThat(warningsWhile(() -> readAt(BEFORE)))
                .singleElement()
                .asString()
                .contains("'acme-watch' retires on 2027-01-15")
                .contains("it names no successor")
                .doesNotContain("fitbit");
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
        Logger logger = Logger.getLogger(MicroProfileRetirements.class.getName());
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return warnings;
    }
}
