package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.Retirements;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.lifecycle.Retirement;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retirement dates from configuration: every built-in provider's announced retirement (listed or not, so that the
 * connections of a provider an operator took off the list are still retired on its day), overridden for each listed
 * provider, generic ones too, by {@code wearables.providers.<slug>.retires-on} (an ISO date) and
 * {@code wearables.providers.<slug>.successor} (a slug). A malformed value stops the start, as other misconfigurations
 * do: a date the gateway cannot read would otherwise keep an API it was told is gone open for new connections.
 *
 * <p>At start it WARNs once for each listed provider with a retirement, read against the clock it is given: while the
 * day is ahead, so that the operator moves patients in time; from that day on, that the provider is retired.
 */
public final class MicroProfileRetirements implements Retirements {
    private static final System.Logger LOG = System.getLogger(MicroProfileRetirements.class.getName());

    private final Map<ProviderSlug, Retirement> retirements;

    public MicroProfileRetirements(Map<ProviderSlug, Retirement> retirements) {
        this.retirements = Collections.unmodifiableMap(new LinkedHashMap<>(retirements));
    }

    /**
     * Reads the retirements and WARNs about those of the listed providers at {@code now}.
     *
     * @throws IllegalStateException naming the key when a {@code retires-on} or {@code successor} is malformed
     */
    static MicroProfileRetirements read(ConfigKeys config, BuiltInProviders builtIns, Instant now) {
        Map<ProviderSlug, Retirement> retirements = new LinkedHashMap<>();
        for (BuiltInProvider builtIn : builtIns.all()) {
            builtIn.retirement().ifPresent(retirement -> retirements.put(new ProviderSlug(builtIn.slug()), retirement));
        }
        // A slug that is not one is refused by MicroProfileConfiguredProviders, which names it.
        List<ProviderSlug> listed = config.list("wearables.providers").stream()
                .flatMap(slug -> ProviderSlug.parse(slug).stream())
                .toList();
        for (ProviderSlug slug : listed) {
            configured(config, slug, Optional.ofNullable(retirements.get(slug)))
                    .ifPresent(retirement -> retirements.put(slug, retirement));
        }
        MicroProfileRetirements read = new MicroProfileRetirements(retirements);
        listed.forEach(slug -> read.of(slug).ifPresent(retirement -> warn(slug, retirement, now)));
        return read;
    }

    /** The listed provider's retirement: its configured day and successor over the announced ones. */
    private static Optional<Retirement> configured(
            ConfigKeys config, ProviderSlug slug, Optional<Retirement> announced) {
        String prefix = "wearables.providers." + slug.value() + ".";
        Optional<LocalDate> day = config.value(prefix + "retires-on").map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(
                        prefix + "retires-on must be an ISO date (YYYY-MM-DD), such as 2026-12-31", e);
            }
        });
        Optional<ProviderSlug> successor = config.value(prefix + "successor")
                .map(text -> ProviderSlug.parse(text)
                        .filter(parsed -> !parsed.equals(slug))
                        .orElseThrow(() ->
                                new IllegalStateException(prefix + "successor must be the slug of another provider")));
        if (day.isEmpty() && announced.isEmpty()) {
            if (successor.isPresent()) {
                throw new IllegalStateException(prefix + "successor needs " + prefix + "retires-on");
            }
            return Optional.empty();
        }
        return Optional.of(new Retirement(
                day.orElseGet(() -> announced.orElseThrow().on()),
                successor.or(() -> announced.flatMap(Retirement::successor))));
    }

    private static void warn(ProviderSlug slug, Retirement retirement, Instant now) {
        String instead = retirement
                .successor()
                .map(successor -> "patients connect with '" + successor.value() + "' instead")
                .orElse("it names no successor");
        if (retirement.hasCome(now)) {
            LOG.log(
                    Level.WARNING,
                    "Provider ''{0}'' was retired on {1}: connecting to it answers 410 PROVIDER_RETIRED and its "
                            + "connections are retired; {2}",
                    slug.value(),
                    retirement.on(),
                    instead);
        } else {
            LOG.log(
                    Level.WARNING,
                    "Provider ''{0}'' retires on {1}: from that day connecting to it answers 410 PROVIDER_RETIRED "
                            + "and its connections are retired; {2}",
                    slug.value(),
                    retirement.on(),
                    instead);
        }
    }

    @Override
    public Optional<Retirement> of(ProviderSlug provider) {
        return Optional.ofNullable(retirements.get(provider));
    }

    @Override
    public Map<ProviderSlug, Retirement> all() {
        return retirements;
    }
}
