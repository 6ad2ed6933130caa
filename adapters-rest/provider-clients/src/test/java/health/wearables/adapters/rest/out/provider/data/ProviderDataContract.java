package health.wearables.adapters.rest.out.provider.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import health.wearables.adapters.rest.out.provider.TokenEndpointLimits;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Fault;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator.Request;
import health.wearables.application.port.out.ProviderData;
import health.wearables.application.port.out.ProviderData.Cursor;
import health.wearables.application.port.out.ProviderData.DataPage;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.application.port.out.ProviderData.Page;
import health.wearables.application.port.out.ProviderData.RateLimited;
import health.wearables.application.port.out.ProviderData.Unauthorized;
import health.wearables.application.port.out.ProviderData.Unavailable;
import health.wearables.application.port.out.ProviderData.Unreadable;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.SyncWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider's data client does against its simulator: pages are finite, each read once, none skipped, a
 * cursor read again gives the same page (also after a failure), and the failures are mapped the same way: a refused
 * token or 401 is unauthorized, 429 is rate limited for its {@code Retry-After}, 5xx and a hang past the deadline are
 * unavailable, a malformed body is unreadable, with our own reasons.
 */
abstract class ProviderDataContract<S extends DataSimulator> {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final Duration DEADLINE = Duration.ofMillis(800);
    static final TokenEndpointLimits LIMITS = new TokenEndpointLimits(Duration.ofSeconds(1), DEADLINE, 1024 * 1024);
    static final AccessToken TOKEN = new AccessToken(DataSimulator.ACCESS_TOKEN);
    /** More pages than any seeded read needs: reaching it means the pages do not end. */
    static final int PAGE_LIMIT = 500;

    final ProviderData data = HttpProviderData.standard(LIMITS, Clock.fixed(NOW, ZoneOffset.UTC));
    S simulator;

    /** The provider's simulator, started. */
    abstract S start();

    abstract ProviderSlug provider();

    /**
     * Puts records in the simulator that a read of {@link #window()} finds on more than one page of every paged
     * collection (and some outside the window, which must not be read); returns how many measurements they make.
     */
    abstract int seedSeveralPages();

    /** The window read: 40 days to {@link #NOW}, more than one slice where the provider limits a request to 30. */
    SyncWindow window() {
        return new SyncWindow(NOW.minus(Duration.ofDays(40)), NOW);
    }

    /** Whether the provider pages within a request (Dexcom does not: its only pages are the window's slices). */
    boolean pagesByToken() {
        return true;
    }

    @BeforeEach
    void startSimulator() {
        simulator = start();
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    DataRequest request() {
        return new DataRequest(provider(), simulator.apiBase(), TOKEN, Optional.empty(), window());
    }

    DataPage read(Optional<Cursor> cursor) {
        return data.read(request(), cursor);
    }

    /** Every page from the first to the last; fails on anything but a page, or if the pages do not end. */
    List<Page> readAll() {
        List<Page> pages = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            Page page = page(read(cursor));
            pages.add(page);
            cursor = page.next();
        } while (cursor.isPresent() && pages.size() < PAGE_LIMIT);
        assertThat(cursor).as("pages end").isEmpty();
        return pages;
    }

    List<Measurement> readAllMeasurements() {
        return readAll().stream().flatMap(page -> page.measurements().stream()).toList();
    }

    static Page page(DataPage page) {
        return page.fold(
                read -> read,
                unauthorized -> fail("unauthorized"),
                limited -> fail("rate limited"),
                unreadable -> fail("unreadable: " + unreadable.reason()),
                unavailable -> fail("unavailable: " + unavailable.reason()));
    }

    @Test
    void every_page_is_read_once_nothing_is_skipped_and_the_last_has_no_cursor() {
        int expected = seedSeveralPages();

        List<Page> pages = readAll();

        assertThat(pages.stream().mapToInt(page -> page.measurements().size()).sum())
                .isEqualTo(expected);
        List<Request> requests = simulator.requests();
        assertThat(requests).as("one request a page").hasSize(pages.size());
        assertThat(requests.stream()
                        .map(request -> request.method() + " " + request.path() + " " + request.parameters())
                        .distinct())
                .as("no page asked for twice")
                .hasSize(requests.size());
        assertThat(pages.size()).as("several pages").isGreaterThan(2);
    }

    @Test
    void every_request_carries_the_access_token_as_a_bearer() {
        seedSeveralPages();

        readAll();

        assertThat(simulator.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.header("Authorization")).contains("Bearer " + DataSimulator.ACCESS_TOKEN);
            assertThat(request.header("Accept")).contains("application/json");
        });
    }

    @Test
    void a_cursor_read_again_gives_the_same_page() {
        seedSeveralPages();
        Cursor second = page(read(Optional.empty())).next().orElseThrow();

        Page once = page(read(Optional.of(second)));
        Page again = page(read(Optional.of(second)));

        assertThat(again).isEqualTo(once);
    }

    @Test
    void a_failed_page_is_read_again_from_its_cursor_and_the_read_completes() {
        int expected = seedSeveralPages();
        Page first = page(read(Optional.empty()));
        simulator.failNext(Fault.status(503));

        assertThat(read(first.next())).isInstanceOf(Unavailable.class);

        List<Measurement> measurements = new ArrayList<>(first.measurements());
        Optional<Cursor> cursor = first.next();
        while (cursor.isPresent()) {
            Page page = page(read(cursor));
            measurements.addAll(page.measurements());
            cursor = page.next();
        }
        assertThat(measurements).hasSize(expected);
    }

    @Test
    void a_cursor_it_did_not_hand_out_is_unreadable_and_nothing_is_sent() {
        assertThat(read(Optional.of(new Cursor("not-one-of-ours")))).isInstanceOf(Unreadable.class);
        assertThat(read(Optional.of(new Cursor("99.0")))).isInstanceOf(Unreadable.class);
        assertThat(read(Optional.of(new Cursor("0.999")))).isInstanceOf(Unreadable.class);
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void a_token_the_provider_refuses_is_unauthorized() {
        seedSeveralPages();
        simulator.acceptTokens("another-token");

        assertThat(read(Optional.empty())).isEqualTo(new Unauthorized());
    }

    @Test
    void tokens_accepted_by_a_rule_are_served_and_others_refused() {
        int expected = seedSeveralPages();
        simulator.acceptTokensWhere(token -> token.startsWith("simulated-"));

        assertThat(readAllMeasurements()).hasSize(expected);

        simulator.acceptTokensWhere(token -> token.startsWith("issued-by-someone-else-"));

        assertThat(read(Optional.empty())).isEqualTo(new Unauthorized());
    }

    @Test
    void every_request_is_recorded_with_the_instant_it_arrived() {
        seedSeveralPages();
        Instant before = Instant.now();

        page(read(Optional.empty()));

        assertThat(simulator.requests())
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.receivedAt()).isBetween(before, Instant.now()));
    }

    @Test
    void http_401_is_unauthorized() {
        simulator.failNext(Fault.status(401));

        assertThat(read(Optional.empty())).isEqualTo(new Unauthorized());
    }

    @Test
    void http_429_is_rate_limited_for_as_long_as_retry_after_says() {
        String inNinetySeconds =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
        simulator
                .failNext(Fault.rateLimited("120"))
                .failNext(Fault.rateLimited(inNinetySeconds))
                .failNext(Fault.rateLimited("whenever"));

        assertThat(read(Optional.empty())).isEqualTo(new RateLimited(Optional.of(Duration.ofMinutes(2))));
        assertThat(read(Optional.empty())).isEqualTo(new RateLimited(Optional.of(Duration.ofSeconds(90))));
        assertThat(read(Optional.empty())).isEqualTo(new RateLimited(Optional.empty()));
    }

    @Test
    void a_server_error_is_unavailable_with_our_reason() {
        simulator.failNext(Fault.json(503, "{\"error\":\"backend DO-NOT-QUOTE\"}"));

        assertThat(read(Optional.empty()))
                .isInstanceOfSatisfying(
                        Unavailable.class,
                        unavailable -> assertThat(unavailable.reason())
                                .contains("HTTP 503")
                                .doesNotContain("DO-NOT-QUOTE"));
    }

    @Test
    void a_malformed_body_is_unreadable_with_our_reason() {
        simulator.failNext(Fault.malformed());

        assertThat(read(Optional.empty()))
                .isInstanceOfSatisfying(
                        Unreadable.class,
                        unreadable -> assertThat(unreadable.reason())
                                .contains("not a JSON object")
                                .doesNotContain("cut-off"));
    }

    @Test
    void a_body_of_another_shape_is_unreadable() {
        // every provider's list member, none of them a list (and Withings' envelope saying success)
        simulator.failNext(Fault.json(
                200,
                "{\"data\": \"none\", \"records\": 3, \"dataPoints\": 7, "
                        + "\"observations\": null, \"status\": 0, \"body\": {\"measuregrps\": \"none\"}}"));

        assertThat(read(Optional.empty()))
                .isInstanceOfSatisfying(
                        Unreadable.class,
                        unreadable -> assertThat(unreadable.reason()).contains("is missing or not an array"));
    }

    @Test
    void an_answer_that_does_not_come_within_the_deadline_is_unavailable() {
        simulator.failNext(Fault.hang());
        long started = System.nanoTime();

        assertThat(read(Optional.empty()))
                .isInstanceOfSatisfying(
                        Unavailable.class,
                        unavailable ->
                                assertThat(unavailable.reason()).contains("within " + DEADLINE.toMillis() + " ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.multipliedBy(4));
    }

    @Test
    void a_provider_that_hands_out_the_same_page_again_is_unreadable_not_endless() {
        assumeTrue(pagesByToken(), "the provider does not page within a request");
        seedSeveralPages();
        simulator.loopPaging(true);

        Optional<Cursor> cursor = Optional.empty();
        for (int attempt = 0; attempt < 10; attempt++) {
            DataPage page = read(cursor);
            Optional<String> unreadable = page.fold(
                    ok -> Optional.empty(),
                    unauthorized -> Optional.empty(),
                    limited -> Optional.empty(),
                    refused -> Optional.of(refused.reason()),
                    down -> Optional.empty());
            if (unreadable.isPresent()) {
                assertThat(unreadable.get()).containsAnyOf("same page token again", "offset past the current");
                return;
            }
            cursor = page(page).next();
            assertThat(cursor).as("the looping provider never ends its pages").isPresent();
        }
        fail("ten pages of a provider that repeats its page token were taken as progress");
    }
}
