package health.wearables.adapters.rest.app.config.demo;

import health.wearables.adapters.rest.app.config.demo.DailySeries.Daily;
import health.wearables.adapters.rest.app.config.demo.DashboardPage.Chart;
import health.wearables.adapters.rest.app.config.demo.DashboardPage.DataState;
import health.wearables.adapters.rest.app.config.demo.DashboardPage.Row;
import health.wearables.application.port.in.ListConnections;
import health.wearables.application.port.in.OpenConnectSession;
import health.wearables.application.port.in.OpenConnectSession.SessionCommand;
import health.wearables.application.port.in.ShowConnectPage;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionListing;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.ListedConnection;
import health.wearables.domain.SyncStatus;
import health.wearables.domain.sync.DataType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The demo dashboard's behaviour, apart from HTTP: the page (the demo project's connections from the use case behind
 * {@code GET /v1/wearables/connections}, the demo patient's charts from the gateway's own FHIR search), and the
 * connect button, which opens a connect session for the demo patient with the demo project's API key (the use case
 * behind {@code POST /v1/wearables/connect-sessions}) and sends the browser to the connect page, whose way back
 * ends here again.
 *
 * <p>The button's form is protected against cross-site requests twice: its token must equal the one in the page's
 * cookie ({@code SameSite=Strict}, {@code HttpOnly}; another site can neither send it nor read it), and a request whose
 * {@code Origin} names another origin is refused before the token is looked at.
 */
final class DemoDashboard {
    /** The demo patient the button connects. */
    static final String PATIENT = "demo-patient";
    /** The provider the connect page offers her. */
    static final String PROVIDER = "demo";
    /** How many days the charts show, today (UTC) the last. */
    static final int DAYS = 30;
    /** The cookie that holds the form's token. */
    static final String COOKIE = "wearables_demo_form";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ApiKey apiKey;
    private final URI gatewayBase;
    private final ListConnections listConnections;
    private final OpenConnectSession openConnectSession;
    private final ShowConnectPage names;
    private final ObservationSearch search;
    private final Clock clock;
    private final SecureRandom random;

    DemoDashboard(
            ApiKey apiKey,
            URI gatewayBase,
            ListConnections listConnections,
            OpenConnectSession openConnectSession,
            ShowConnectPage names,
            ObservationSearch search,
            Clock clock,
            SecureRandom random) {
        this.apiKey = apiKey;
        this.gatewayBase = URI.create(gatewayBase.toString().replaceAll("/+$", ""));
        this.listConnections = listConnections;
        this.openConnectSession = openConnectSession;
        this.names = names;
        this.search = search;
        this.clock = clock;
        this.random = random;
    }

    /** An answer of the dashboard: a status, a page (or none) and headers. */
    record Answer(int status, Optional<String> html, Map<String, String> headers) {}

    /**
     * The dashboard.
     *
     * @param cookieToken the form token of the browser's cookie, if it sent one
     * @param status      the {@code status} the callback appended on the way back from the connect page
     */
    Answer page(Optional<String> cookieToken, Optional<String> status) {
        Map<String, String> headers = new LinkedHashMap<>();
        String token = cookieToken.filter(DemoDashboard::wellFormed).orElseGet(() -> {
            String fresh = freshToken();
            headers.put("Set-Cookie", cookie(fresh));
            return fresh;
        });

        List<Row> rows = new ArrayList<>();
        Optional<String> listingNote = Optional.empty();
        Optional<ListedConnection> patients = Optional.empty();
        Optional<ConnectionListing> listing = listConnections
                .list(Optional.of(apiKey), Optional.empty())
                .fold(Optional::of, rejection -> Optional.empty());
        if (listing.isEmpty()) {
            listingNote = Optional.of("The connections could not be read now (the gateway's stores did not answer).");
        } else {
            if (!listing.get().complete()) {
                listingNote = Optional.of("This list may be incomplete: one of the gateway's stores did not answer.");
            }
            List<ListedConnection> connections = listing.get().connections().stream()
                    .sorted(Comparator.comparing(ListedConnection::connectedAt).reversed())
                    .toList();
            for (ListedConnection connection : connections) {
                rows.add(new Row(
                        names.providerName(connection.key().provider())
                                .orElse(connection.key().provider().value()),
                        connection.key().patient().value(),
                        connection.status().label(),
                        connection.syncStatus().label(),
                        connection.lastSyncedAt(),
                        connection.connectedAt()));
            }
            patients = connections.stream()
                    .filter(connection -> connection.key().patient().value().equals(PATIENT)
                            && connection.key().provider().value().equals(PROVIDER))
                    .findFirst();
        }

        DataState state;
        List<Chart> charts = List.of();
        Optional<String> problem = Optional.empty();
        if (patients.isEmpty()) {
            state = DataState.NOT_CONNECTED;
        } else {
            try {
                charts = charts();
                state = waitsForFirstSync(patients.get()) ? DataState.SYNCING : DataState.CHARTS;
            } catch (ObservationSearch.Failed failed) {
                state = DataState.UNREADABLE;
                problem = Optional.of(failed.getMessage());
            }
        }
        String html = DashboardPage.render(new DashboardPage.View(
                token, status.flatMap(DemoDashboard::notice), rows, listingNote, state, charts, problem));
        headers.put("Content-Security-Policy", DashboardPage.POLICY);
        headers.put("X-Frame-Options", "DENY");
        return new Answer(200, Optional.of(html), headers);
    }

    /**
     * The connect button: a connect session for the demo patient, offering the demo provider, back to this page; the
     * browser is sent to its connect page.
     *
     * @param formToken   the token the form posted
     * @param cookieToken the token of the browser's cookie
     * @param origin      the request's {@code Origin} header
     * @param ownOrigins  the origins the dashboard is served at ({@code http://localhost:9080})
     */
    Answer connect(
            Optional<String> formToken, Optional<String> cookieToken, Optional<String> origin, Set<String> ownOrigins) {
        if (origin.isPresent() && !origin.get().equals("null") && !ownOrigins.contains(origin.get())) {
            return refusal(
                    403, "Not sent from the dashboard", "The connect button works only on the dashboard itself.");
        }
        if (formToken.filter(DemoDashboard::wellFormed).isEmpty()
                || cookieToken.filter(DemoDashboard::wellFormed).isEmpty()
                || !MessageDigest.isEqual(
                        formToken.get().getBytes(StandardCharsets.US_ASCII),
                        cookieToken.get().getBytes(StandardCharsets.US_ASCII))) {
            return refusal(
                    403,
                    "This form has expired",
                    "The page you pressed the button on is no longer current. Open the dashboard again and press the"
                            + " button there.");
        }
        SessionCommand command =
                new SessionCommand(PATIENT, gatewayBase + DashboardPage.ROUTE, Optional.of(List.of(PROVIDER)));
        return openConnectSession
                .open(Optional.of(apiKey), command)
                .fold(
                        opened -> new Answer(
                                303,
                                Optional.empty(),
                                Map.of("Location", opened.connectUrl().toString())),
                        rejection -> refusal(
                                503,
                                "Connecting could not start",
                                "The gateway could not make a connect link (" + rejection.code() + "). Try again in a"
                                        + " moment."));
    }

    private static Answer refusal(int status, String title, String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", DashboardPage.POLICY);
        headers.put("X-Frame-Options", "DENY");
        return new Answer(status, Optional.of(DashboardPage.refused(title, text)), headers);
    }

    /** The three charts of the last {@value #DAYS} days, each from one search of the gateway's FHIR store. */
    private List<Chart> charts() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(DAYS - 1L);
        DailySeries steps = DailySeries.of(
                "steps",
                "Steps per day",
                "steps",
                0,
                from,
                today,
                Daily.SUM_BY_START,
                search.search(apiKey, PATIENT, loinc(DataType.DAILY_STEPS), from),
                1);
        DailySeries resting = DailySeries.of(
                "resting-heart-rate",
                "Resting heart rate",
                "beats per minute",
                0,
                from,
                today,
                Daily.MEAN_BY_START,
                search.search(apiKey, PATIENT, loinc(DataType.RESTING_HEART_RATE), from),
                1);
        // a night is searched from the evening before the window's first morning
        DailySeries sleep = DailySeries.of(
                "sleep",
                "Sleep per night",
                "hours",
                1,
                from,
                today,
                Daily.SUM_BY_END,
                search.search(apiKey, PATIENT, loinc(DataType.SLEEP_DURATION), from.minusDays(1)),
                1 / 60.0);
        return List.of(new Chart(steps, true), new Chart(resting, false), new Chart(sleep, true));
    }

    /** Active (or being stored), and no sync of it has ended yet, or one runs now. */
    static boolean waitsForFirstSync(ListedConnection connection) {
        boolean live =
                connection.status() == ConnectionStatus.ACTIVE || connection.status() == ConnectionStatus.PENDING;
        return live && (connection.lastSyncedAt().isEmpty() || connection.syncStatus() == SyncStatus.RUNNING);
    }

    private static String loinc(DataType type) {
        return type.loinc().orElseThrow();
    }

    /** What the callback's {@code status} says, in words; nothing for anything else. */
    static Optional<String> notice(String status) {
        return switch (status) {
            case "connected" -> Optional.of("The demo patient's wearable is connected. Her first sync has started.");
            case "pending" -> Optional.of("The demo patient approved the access; the connection is being stored.");
            case "error" -> Optional.of("The wearable was not connected. Press the button to try again.");
            default -> Optional.empty();
        };
    }

    private String freshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return TOKEN.matcher(token).matches();
    }

    /** The form's cookie: for the dashboard's paths only, never sent by another site's request, unreadable to script. */
    static String cookie(String token) {
        return COOKIE + "=" + token + "; Path=/demo; HttpOnly; SameSite=Strict";
    }
}
