package health.wearables.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Fixed values and small builders shared by the domain tests: fixed time, seeded randomness, no I/O. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    public static final Duration TTL = Duration.ofMinutes(10);
    public static final String API_KEY = "acme-live-key-7f3a9c";
    public static final String DASHBOARD = "https://dashboard.example.com/";
    public static final String DONE = "https://dashboard.example.com/wearables/done";
    /** RFC 7636 Appendix B. */
    public static final String RFC7636_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private Fixtures() {}

    public static ProjectId acme() {
        return new ProjectId("acme");
    }

    /** The project {@code acme}, whose one API key is {@link #API_KEY}, allowed to send patients to the given prefixes. */
    public static Project project(String... allowedPrefixes) {
        return new Project(
                acme(),
                List.of(Hashing.sha256(API_KEY)),
                Arrays.stream(allowedPrefixes).map(ReturnUrl::parse).toList());
    }

    /** A provider with PKCE and no issuer check. */
    public static ConfiguredProvider provider(String slug) {
        return provider(slug, Pkce.S256, IssuerPolicy.none());
    }

    /** An OAuth 2.0 provider asking for {@code activity} and {@code sleep}, requiring neither. */
    public static ConfiguredProvider provider(String slug, Pkce pkce, IssuerPolicy issuer) {
        return new ConfiguredProvider(
                new ProviderSlug(slug),
                slug,
                OAuthVersion.OAUTH_2_0,
                ProviderEndpoints.oauth2(
                        URI.create("https://" + slug + ".example/authorize"),
                        URI.create("https://" + slug + ".example/token"),
                        URI.create("https://api." + slug + ".example/")),
                new ProviderClient(
                        "client-" + slug, new ClientSecret("client-secret-of-" + slug), ClientAuthentication.BASIC),
                ScopePolicy.requesting(List.of("activity", "sleep")),
                pkce,
                issuer);
    }

    /** What {@code /connect} stored for patient 123 of {@code acme}, valid until {@code NOW + TTL}. */
    public static PendingAuthorization pending(String provider, Optional<String> returnUrl, boolean redirectOnError) {
        return new PendingAuthorization(
                acme(),
                new PatientId("123"),
                new ProviderSlug(provider),
                returnUrl.map(ReturnUrl::parse),
                redirectOnError,
                Optional.of(new PkceVerifier(RFC7636_VERIFIER)),
                NOW.plus(TTL));
    }

    public static StateToken state(long seed) {
        return StateToken.mint(new Random(seed));
    }

    public static TokenSet tokens(String access, Optional<String> refresh) {
        return new TokenSet(
                new AccessToken(access),
                refresh.map(RefreshToken::new),
                Optional.of(NOW.plusSeconds(3600)),
                List.of("activity"),
                Optional.of("user-42"));
    }

    /** A callback query from name, value pairs; a name given twice appears twice. */
    public static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.computeIfAbsent(namesAndValues[i], name -> new java.util.ArrayList<>())
                    .add(namesAndValues[i + 1]);
        }
        return query;
    }

    public static <T> T ok(Step<T> step) {
        return step.fold(value -> value, rejection -> {
            throw new AssertionError("expected a next state, got " + rejection);
        });
    }

    public static Rejection rejection(Step<?> step) {
        return step.fold(
                value -> {
                    throw new AssertionError("expected a rejection, got " + value);
                },
                rejection -> rejection);
    }
}
