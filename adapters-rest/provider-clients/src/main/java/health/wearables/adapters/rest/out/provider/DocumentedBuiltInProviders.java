package health.wearables.adapters.rest.out.provider;

import health.wearables.adapters.rest.out.provider.oauth1.Oauth1FollowUp;
import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.domain.BuiltInProvider;
import health.wearables.domain.ProviderSlug;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wearable providers the gateway knows by slug: each one's quirks and documented defaults. Any other slug is
 * plain OAuth 2.0 ({@link ProviderQuirks#GENERIC}) and has no defaults.
 */
public final class DocumentedBuiltInProviders implements BuiltInProviders {

    /** A built-in provider: its documented settings and how it bends OAuth 2.0. */
    public record BuiltIn(BuiltInProvider defaults, ProviderQuirks quirks) {}

    private static final DocumentedBuiltInProviders STANDARD = new DocumentedBuiltInProviders(Stream.of(
            new BuiltIn(FitbitQuirks.DEFAULTS, new FitbitQuirks()),
            new BuiltIn(GoogleHealthQuirks.DEFAULTS, new GoogleHealthQuirks()),
            new BuiltIn(GarminQuirks.DEFAULTS, new GarminQuirks()),
            new BuiltIn(GarminLegacy.DEFAULTS, GarminLegacy.QUIRKS),
            new BuiltIn(OuraQuirks.DEFAULTS, new OuraQuirks()),
            new BuiltIn(WithingsQuirks.DEFAULTS, new WithingsQuirks()),
            new BuiltIn(WhoopQuirks.DEFAULTS, new WhoopQuirks()),
            new BuiltIn(PolarQuirks.DEFAULTS, new PolarQuirks()),
            new BuiltIn(DexcomQuirks.PRODUCTION, new DexcomQuirks()),
            new BuiltIn(DexcomQuirks.SANDBOX, new DexcomQuirks()),
            new BuiltIn(StravaQuirks.DEFAULTS, new StravaQuirks()),
            new BuiltIn(SuuntoQuirks.DEFAULTS, new SuuntoQuirks())));

    private final Map<String, BuiltIn> bySlug;

    private DocumentedBuiltInProviders(Stream<BuiltIn> builtIns) {
        this.bySlug = builtIns.collect(
                Collectors.toUnmodifiableMap(builtIn -> builtIn.defaults().slug(), Function.identity()));
    }

    /** The providers this gateway ships with. */
    public static DocumentedBuiltInProviders standard() {
        return STANDARD;
    }

    /** What an OAuth 1.0a provider needs after its token credentials were issued. */
    public Oauth1FollowUp oauth1FollowUp(ProviderSlug slug) {
        return slug.value().equals(GarminLegacy.DEFAULTS.slug()) ? GarminLegacy.USER_ID : Oauth1FollowUp.NONE;
    }

    public ProviderQuirks quirks(ProviderSlug slug) {
        return builtIn(slug).map(BuiltIn::quirks).orElse(ProviderQuirks.GENERIC);
    }

    @Override
    public Optional<BuiltInProvider> find(ProviderSlug slug) {
        return builtIn(slug).map(BuiltIn::defaults);
    }

    public Optional<BuiltIn> builtIn(ProviderSlug slug) {
        return Optional.ofNullable(bySlug.get(slug.value()));
    }

    /** Every built-in provider, by slug. */
    public Map<String, BuiltIn> bySlug() {
        return bySlug;
    }

    @Override
    public List<BuiltInProvider> all() {
        return bySlug.values().stream()
                .map(BuiltIn::defaults)
                .sorted(Comparator.comparing(BuiltInProvider::slug))
                .toList();
    }
}
