package health.wearables.adapters.rest.app.config.demo;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.app.config.demo.DailySeries.Reading;
import health.wearables.adapters.rest.app.config.demo.DemoDashboard.Answer;
import health.wearables.application.port.in.OpenConnectSession;
import health.wearables.application.port.in.OpenConnectSession.SessionCommand;
import health.wearables.application.port.in.ShowConnectPage;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionListing;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.ListedConnection;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import health.wearables.domain.SyncStatus;
import health.wearables.domain.connect.ConnectPage;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The dashboard with its use cases and its FHIR search played by the test: the page read with an HTML5 parser, the
 * connect button's checks, and that its numbers are the search's.
 */
class DemoDashboardTest {
    private static final ApiKey KEY = new ApiKey("demo_test-key-never-shown");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String TOKEN = "A".repeat(43);
    private static final String OWN = "http://localhost:9080";

    private ConnectionListing listing = new ConnectionListing(List.of(), true);
    private final List<SessionCommand> sessions = new ArrayList<>();
    private final List<String> searched = new ArrayList<>();
    private Step<OpenConnectSession.Opened> opened = Step.ok(new OpenConnectSession.Opened(
            URI.create("http://localhost:9080/v1/wearables/connect-page/link-token"), NOW.plusSeconds(1800)));

    private static ShowConnectPage names() {
        return new ShowConnectPage() {
            @Override
            public ConnectPage show(String token) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> providerName(ProviderSlug provider) {
                return provider.value().equals("demo") ? Optional.of("Demo <wearable>") : Optional.empty();
            }
        };
    }

    private DemoDashboard dashboard() {
        return new DemoDashboard(
                KEY,
                URI.create(OWN + "/"),
                (apiKey, patient) -> {
                    assertThat(apiKey).contains(KEY);
                    return Step.ok(listing);
                },
                (apiKey, command) -> {
                    assertThat(apiKey).contains(KEY);
                    sessions.add(command);
                    return opened;
                },
                names(),
                (apiKey, patient, code, since) -> {
                    assertThat(apiKey).isEqualTo(KEY);
                    assertThat(patient).isEqualTo("demo-patient");
                    searched.add(code + " since " + since);
                    return readings(code);
                },
                Clock.fixed(NOW, ZoneOffset.UTC),
                new SecureRandom());
    }

    /** Steps of 1,000 times the day of the month, a resting rate of 50 + the day, 7 hours of sleep each night. */
    private static List<Reading> readings(String code) {
        List<Reading> readings = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2026-11-01");
                !day.isAfter(LocalDate.parse("2026-11-30"));
                day = day.plusDays(1)) {
            Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            switch (code) {
                case "41950-7" ->
                    readings.add(
                            new Reading(midnight, midnight.plus(Duration.ofDays(1)), 1_000.0 * day.getDayOfMonth()));
                case "40443-4" ->
                    readings.add(new Reading(
                            midnight.plus(Duration.ofHours(7)),
                            midnight.plus(Duration.ofHours(7)),
                            50.0 + day.getDayOfMonth()));
                case "93832-4" ->
                    readings.add(
                            new Reading(midnight.minus(Duration.ofHours(1)), midnight.plus(Duration.ofHours(6)), 420));
                default -> throw new AssertionError(code);
            }
        }
        return readings;
    }

    private static ListedConnection connection(
            String patient, ConnectionStatus status, Optional<Instant> synced, SyncStatus sync) {
        return new ListedConnection(
                        new ConnectionKey(new ProjectId("demo"), new PatientId(patient), new ProviderSlug("demo")),
                        Optional.of("1000"),
                        status,
                        NOW.minusSeconds(60),
                        Optional.of(NOW.plusSeconds(3600)),
                        List.of("openid"))
                .synced(synced, sync);
    }

    private static Document html(Answer answer) {
        return Jsoup.parse(answer.html().orElseThrow());
    }

    @Test
    void before_any_connection_the_page_offers_the_button_and_nothing_to_chart() {
        Answer answer = dashboard().page(Optional.empty(), Optional.empty());

        assertThat(answer.status()).isEqualTo(200);
        Document page = html(answer);
        assertThat(page.select("h1").text()).isEqualTo("Wearables gateway demo");
        assertThat(page.select("h2"))
                .extracting(Element::text)
                .containsExactly("Connect a wearable", "Connections", "Synced data, last 30 days");
        assertThat(page.select("#no-connections").text()).isEqualTo("No connections yet.");
        assertThat(page.select("#no-data")).hasSize(1);
        assertThat(page.select("svg")).isEmpty();
        assertThat(page.select("meta[http-equiv=refresh]")).isEmpty();
        assertThat(searched).as("nothing to search for").isEmpty();
        // the button: a form posting to the dashboard with the token of the cookie set with the page
        Element form = page.selectFirst("form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/demo/connect");
        assertThat(form.select("button[type=submit]").text()).isEqualTo("Connect the demo patient's wearable");
        String token = form.selectFirst("input[type=hidden][name=token]").attr("value");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(answer.headers().get("Set-Cookie"))
                .isEqualTo("wearables_demo_form=" + token + "; Path=/demo; HttpOnly; SameSite=Strict");
    }

    @Test
    void a_page_carries_no_script_no_inline_style_and_a_strict_policy() {
        listing = new ConnectionListing(
                List.of(connection("demo-patient", ConnectionStatus.ACTIVE, Optional.of(NOW), SyncStatus.OK)), true);
        Answer answer = dashboard().page(Optional.empty(), Optional.of("connected"));
        Document page = html(answer);

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select("style")).isEmpty();
        assertThat(page.getAllElements())
                .allSatisfy(element -> assertThat(element.attributes().asList())
                        .noneMatch(attribute -> attribute.getKey().startsWith("on")));
        assertThat(page.select("link[rel=stylesheet]"))
                .extracting(link -> link.attr("href"))
                .containsExactly("/v1/wearables/connect-page/assets/page.css", "/demo/assets/dashboard.css");
        assertThat(answer.headers().get("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'");
        assertThat(answer.headers().get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.html().orElseThrow()).doesNotContain(KEY.value());
    }

    @Test
    void the_connections_are_listed_with_their_status_and_last_sync_and_a_name_is_text() {
        listing = new ConnectionListing(
                List.of(
                        connection("demo-patient", ConnectionStatus.ACTIVE, Optional.of(NOW), SyncStatus.OK),
                        connection("patient-7", ConnectionStatus.REAUTH_REQUIRED, Optional.empty(), SyncStatus.NEVER)),
                true);
        Document page = html(dashboard().page(Optional.of(TOKEN), Optional.of("connected")));

        List<Element> rows = page.select("#connections tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).select("td"))
                .extracting(Element::text)
                .containsExactly(
                        "Demo <wearable>",
                        "demo-patient",
                        "active",
                        "30 Nov 2026, 09:59 UTC",
                        "ok",
                        "30 Nov 2026, 10:00 UTC");
        assertThat(rows.get(1).select("td"))
                .extracting(Element::text)
                .containsExactly(
                        "Demo <wearable>",
                        "patient-7",
                        "reauth_required",
                        "30 Nov 2026, 09:59 UTC",
                        "never",
                        "not yet");
        assertThat(page.select("#connections b"))
                .as("a patient id is text, not markup")
                .isEmpty();
        assertThat(page.select("th[scope=col]")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(page.select("p.notice[role=status]").text())
                .isEqualTo("The demo patient's wearable is connected. Her first sync has started.");
    }

    @Test
    void once_synced_the_three_charts_show_the_searched_values_with_their_tables() {
        listing = new ConnectionListing(
                List.of(connection("demo-patient", ConnectionStatus.ACTIVE, Optional.of(NOW), SyncStatus.OK)), true);
        Document page = html(dashboard().page(Optional.of(TOKEN), Optional.empty()));

        assertThat(searched)
                .containsExactly("41950-7 since 2026-11-01", "40443-4 since 2026-11-01", "93832-4 since 2026-10-31");
        assertThat(page.select("meta[http-equiv=refresh]")).isEmpty();
        assertThat(page.select("#syncing")).isEmpty();
        assertThat(page.select("figure h3"))
                .extracting(Element::text)
                .containsExactly("Steps per day", "Resting heart rate", "Sleep per night");

        List<Element> steps = page.select("#chart-steps rect.bar");
        assertThat(steps).hasSize(30);
        for (Element bar : steps) {
            int dayOfMonth = LocalDate.parse(bar.attr("data-day")).getDayOfMonth();
            assertThat(Double.parseDouble(bar.attr("data-value"))).isEqualTo(1_000.0 * dayOfMonth);
            // the axis ends at 50,000 (30,000 rounded up)
            assertThat(Double.parseDouble(bar.attr("height")))
                    .isCloseTo(
                            1_000.0 * dayOfMonth / 50_000 * SvgCharts.PLOT_HEIGHT,
                            org.assertj.core.api.Assertions.within(0.01));
        }
        assertThat(page.select("#chart-resting-heart-rate circle.point")).hasSize(30);
        assertThat(page.select("#chart-sleep rect.bar"))
                .hasSize(30)
                .allSatisfy(bar -> assertThat(bar.attr("data-value")).isEqualTo("7"));
        // each chart labelled by its title and description, and its numbers as a table
        for (Element svg : page.select("svg")) {
            assertThat(svg.attr("role")).isEqualTo("img");
            for (String id : svg.attr("aria-labelledby").split(" ", -1)) {
                assertThat(svg.getElementById(id)).as(id).isNotNull();
            }
        }
        List<Element> stepRows = page.select("#table-steps tbody tr");
        assertThat(stepRows).hasSize(30);
        assertThat(stepRows.get(0).text()).isEqualTo("1 Nov 2026 1,000");
        assertThat(stepRows.get(29).text()).isEqualTo("30 Nov 2026 30,000");
        assertThat(page.select("#table-sleep tbody tr").get(0).text()).isEqualTo("1 Nov 2026 7.0");
        assertThat(page.select("#figure-steps figcaption").text())
                .isEqualTo("30 of 30 days from 1 Nov 2026 to 30 Nov 2026 have a value: lowest 1,000 steps, mean"
                        + " 15,500 steps, highest 30,000 steps.");
    }

    @Test
    void until_the_first_sync_is_done_the_page_says_so_and_reloads_itself() {
        listing = new ConnectionListing(
                List.of(connection("demo-patient", ConnectionStatus.ACTIVE, Optional.empty(), SyncStatus.NEVER)), true);
        Document page = html(dashboard().page(Optional.of(TOKEN), Optional.empty()));

        assertThat(page.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("5");
        assertThat(page.select("#syncing").text()).startsWith("Syncing…");
        assertThat(page.select("#syncing a").attr("href")).isEqualTo("/demo/");

        listing = new ConnectionListing(
                List.of(connection("demo-patient", ConnectionStatus.ACTIVE, Optional.of(NOW), SyncStatus.RUNNING)),
                true);
        assertThat(html(dashboard().page(Optional.of(TOKEN), Optional.empty())).select("#syncing"))
                .hasSize(1);
    }

    @Test
    void a_failed_search_is_said_in_words_without_charts() {
        listing = new ConnectionListing(
                List.of(connection("demo-patient", ConnectionStatus.ACTIVE, Optional.of(NOW), SyncStatus.OK)), true);
        DemoDashboard failing = new DemoDashboard(
                KEY,
                URI.create(OWN),
                (apiKey, patient) -> Step.ok(listing),
                (apiKey, command) -> opened,
                names(),
                (apiKey, patient, code, since) -> {
                    throw new ObservationSearch.Failed("The gateway's FHIR search (/fhir/Observation) answered 503.");
                },
                Clock.fixed(NOW, ZoneOffset.UTC),
                new SecureRandom());
        Document page = html(failing.page(Optional.of(TOKEN), Optional.empty()));
        assertThat(page.select("svg")).isEmpty();
        assertThat(page.select("p.problem[role=alert]").text())
                .startsWith("The gateway's FHIR search (/fhir/Observation) answered 503.");
    }

    @Test
    void the_button_opens_a_connect_session_for_the_demo_patient_back_to_the_dashboard() {
        Answer answer = dashboard().connect(Optional.of(TOKEN), Optional.of(TOKEN), Optional.of(OWN), Set.of(OWN));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.headers().get("Location"))
                .isEqualTo("http://localhost:9080/v1/wearables/connect-page/link-token");
        assertThat(sessions)
                .containsExactly(new SessionCommand(
                        "demo-patient", "http://localhost:9080/demo/", Optional.of(List.of("demo"))));
        // a browser that sends no Origin, or "null" (its referrer policy is no-referrer), is not refused for it
        assertThat(dashboard()
                        .connect(Optional.of(TOKEN), Optional.of(TOKEN), Optional.empty(), Set.of(OWN))
                        .status())
                .isEqualTo(303);
        assertThat(dashboard()
                        .connect(Optional.of(TOKEN), Optional.of(TOKEN), Optional.of("null"), Set.of(OWN))
                        .status())
                .isEqualTo(303);
    }

    @Test
    void a_post_from_another_origin_or_without_the_cookie_s_token_opens_nothing() {
        String other = "B".repeat(43);
        List<Answer> refused = List.of(
                dashboard()
                        .connect(
                                Optional.of(TOKEN),
                                Optional.of(TOKEN),
                                Optional.of("https://evil.example"),
                                Set.of(OWN)),
                dashboard().connect(Optional.of(TOKEN), Optional.empty(), Optional.of(OWN), Set.of(OWN)),
                dashboard().connect(Optional.empty(), Optional.of(TOKEN), Optional.of(OWN), Set.of(OWN)),
                dashboard().connect(Optional.of(other), Optional.of(TOKEN), Optional.of(OWN), Set.of(OWN)),
                dashboard().connect(Optional.of("short"), Optional.of("short"), Optional.of(OWN), Set.of(OWN)));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.headers()).doesNotContainKey("Location");
            assertThat(html(answer).select("a").attr("href")).isEqualTo("/demo/");
        });
        assertThat(sessions).isEmpty();
    }

    @Test
    void a_connect_link_the_gateway_cannot_make_is_a_page_that_says_so() {
        opened = Step.reject(Rejection.of(RejectionCode.VALIDATION_FAILED, "redirectUri is not allowed"));
        Answer answer = dashboard().connect(Optional.of(TOKEN), Optional.of(TOKEN), Optional.empty(), Set.of(OWN));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(html(answer).select("h1").text()).isEqualTo("Connecting could not start");
    }
}
