package health.wearables.adapters.rest.app.config.demo;

import static org.owasp.encoder.Encode.forHtml;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo dashboard's HTML, rendered here from text blocks in which every value is HTML-escaped (OWASP Java Encoder):
 * the connect pages' stylesheet plus one of its own, no script at all, the charts as inline SVG ({@link SvgCharts})
 * each with its numbers in a table. Works without JavaScript and loads nothing from elsewhere.
 */
final class DashboardPage {
    /** Where the dashboard is served; the root of the demo WAR sends browsers here. */
    static final String ROUTE = "/demo/";

    static final String CONNECT = "/demo/connect";
    static final String STYLESHEET = "/demo/assets/dashboard.css";
    /** The connect page's stylesheet, whose look the dashboard shares. */
    static final String PAGE_STYLESHEET = "/v1/wearables/connect-page/assets/page.css";
    /** How often a page that waits for the first sync reloads itself, in seconds. */
    static final int RELOAD_SECONDS = 5;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private DashboardPage() {}

    /** A line of the connections' table. */
    record Row(
            String provider,
            String patientId,
            String status,
            String syncStatus,
            Optional<Instant> lastSyncedAt,
            Instant connectedAt) {}

    /** What the page's data section shows. */
    enum DataState {
        /** The demo patient has no connection: nothing to chart. */
        NOT_CONNECTED,
        /** Connected, the first sync not done: the page reloads itself. */
        SYNCING,
        /** The charts. */
        CHARTS,
        /** The charts could not be read. */
        UNREADABLE
    }

    /**
     * Everything the page shows.
     *
     * @param formToken   the token of the connect form (also in the form's cookie)
     * @param notice      what the way back from the connect page said, in words
     * @param rows        the demo project's connections
     * @param listingNote why the connections may be incomplete or missing
     * @param data        what the data section shows
     * @param charts      the charts, in order (steps, resting heart rate, sleep)
     * @param problem     why the charts could not be read
     */
    record View(
            String formToken,
            Optional<String> notice,
            List<Row> rows,
            Optional<String> listingNote,
            DataState data,
            List<Chart> charts,
            Optional<String> problem) {}

    /** One chart: its numbers and whether they are drawn as bars or as a line. */
    record Chart(DailySeries series, boolean bars) {}

    /** The dashboard. */
    static String render(View view) {
        String notice = view.notice()
                .map(text -> "<p class=\"notice\" role=\"status\">" + forHtml(text) + "</p>\n")
                .orElse("");
        String head = view.data() == DataState.SYNCING
                ? "<meta http-equiv=\"refresh\" content=\"" + RELOAD_SECONDS + "\">\n"
                : "";
        String body = """
                <h1>Wearables gateway demo</h1>
                <p>This page belongs to the demo project <code>demo</code> and its demo patient <code>%s</code>. It \
                uses the gateway as a care team's system would: the project's API key stays on the server.</p>
                %s<section aria-labelledby="connect-heading">
                <h2 id="connect-heading">Connect a wearable</h2>
                <form method="post" action="%s">
                  <input type="hidden" name="token" value="%s">
                  <button type="submit">Connect the demo patient's wearable</button>
                </form>
                <p class="note">The gateway's connect page opens: choose the demo wearable, then sign in at the demo \
                provider with any user name. You come back here.</p>
                </section>
                <section aria-labelledby="connections-heading">
                <h2 id="connections-heading">Connections</h2>
                %s</section>
                <section aria-labelledby="data-heading">
                <h2 id="data-heading">Synced data, last %d days</h2>
                %s</section>
                """.formatted(
                        forHtml(DemoDashboard.PATIENT),
                        notice,
                        CONNECT,
                        forHtml(view.formToken()),
                        connections(view),
                        DemoDashboard.DAYS,
                        data(view));
        return document("Wearables gateway demo", head, body);
    }

    /** A page that says why the connect button did nothing, and the way back. */
    static String refused(String title, String text) {
        return document("Wearables gateway demo: " + title, "", """
                <h1>%s</h1>
                <p class="problem" role="alert">%s</p>
                <p><a href="%s">Back to the dashboard</a></p>
                """.formatted(forHtml(title), forHtml(text), ROUTE));
    }

    private static String connections(View view) {
        StringBuilder html = new StringBuilder();
        view.listingNote()
                .ifPresent(note -> html.append("<p class=\"problem\" role=\"alert\">")
                        .append(forHtml(note))
                        .append("</p>\n"));
        if (view.rows().isEmpty()) {
            return html.append("<p id=\"no-connections\">No connections yet.</p>\n")
                    .toString();
        }
        html.append("""
                <table id="connections">
                <caption>The demo project's connections (GET /v1/wearables/connections)</caption>
                <thead><tr><th scope="col">Service</th><th scope="col">Patient</th><th scope="col">Status</th>\
                <th scope="col">Connected</th><th scope="col">Last sync</th><th scope="col">Last synced</th></tr></thead>
                <tbody>
                """);
        for (Row row : view.rows()) {
            html.append("<tr><td>")
                    .append(forHtml(row.provider()))
                    .append("</td><td>")
                    .append(forHtml(row.patientId()))
                    .append("</td><td class=\"status\">")
                    .append(forHtml(row.status()))
                    .append("</td><td>")
                    .append(forHtml(TIME.format(row.connectedAt())))
                    .append("</td><td class=\"sync-status\">")
                    .append(forHtml(row.syncStatus()))
                    .append("</td><td>")
                    .append(forHtml(row.lastSyncedAt().map(TIME::format).orElse("not yet")))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String data(View view) {
        return switch (view.data()) {
            case NOT_CONNECTED ->
                "<p id=\"no-data\">Nothing synced yet: connect the demo patient's wearable" + " first.</p>\n";
            case SYNCING ->
                "<p id=\"syncing\" role=\"status\">Syncing… The gateway is reading the last "
                        + DemoDashboard.DAYS + " days from the demo provider. This page reloads every " + RELOAD_SECONDS
                        + " seconds until the first sync is done; you can also <a href=\"" + ROUTE
                        + "\">refresh it</a>.</p>\n" + charts(view);
            case UNREADABLE ->
                "<p class=\"problem\" role=\"alert\">"
                        + forHtml(view.problem().orElse("The synced data could not be read.")) + " <a href=\"" + ROUTE
                        + "\">Try again</a>.</p>\n";
            case CHARTS -> charts(view);
        };
    }

    private static String charts(View view) {
        StringBuilder html = new StringBuilder();
        if (!view.charts().isEmpty()) {
            html.append("<p class=\"note\">From the gateway's own FHIR search, as any client reads them: ")
                    .append("<code>GET /fhir/Observation?patient=Patient/")
                    .append(forHtml(DemoDashboard.PATIENT))
                    .append("&amp;code=…&amp;date=ge…</code> with the demo project's API key.</p>\n");
        }
        for (Chart chart : view.charts()) {
            DailySeries series = chart.series();
            String id = forHtml(series.id());
            html.append("<figure class=\"chart\" id=\"figure-")
                    .append(id)
                    .append("\" aria-labelledby=\"heading-")
                    .append(id)
                    .append("\">\n<h3 id=\"heading-")
                    .append(id)
                    .append("\">")
                    .append(forHtml(series.title()))
                    .append("</h3>\n")
                    .append(chart.bars() ? SvgCharts.bars(series) : SvgCharts.line(series))
                    .append("<figcaption>")
                    .append(forHtml(series.summary()))
                    .append("</figcaption>\n<details>\n<summary>")
                    .append(forHtml(series.title()))
                    .append(" as a table</summary>\n<table class=\"values\" id=\"table-")
                    .append(id)
                    .append("\">\n<caption>")
                    .append(forHtml(series.title()))
                    .append("</caption>\n<thead><tr><th scope=\"col\">Day (UTC)</th><th scope=\"col\">")
                    .append(forHtml(series.title()))
                    .append(" (")
                    .append(forHtml(series.unit()))
                    .append(")</th></tr></thead>\n<tbody>\n");
            for (var day : series.days()) {
                html.append("<tr><th scope=\"row\">")
                        .append(forHtml(DailySeries.day(day)))
                        .append("</th><td>")
                        .append(series.valueOn(day).map(series::format).orElse("no value"))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n</details>\n</figure>\n");
        }
        return html.toString();
    }

    private static String document(String title, String head, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                %s<title>%s</title>
                <link rel="stylesheet" href="%s">
                <link rel="stylesheet" href="%s">
                </head>
                <body>
                <main class="dashboard">
                %s</main>
                </body>
                </html>
                """.formatted(head, forHtml(title), PAGE_STYLESHEET, STYLESHEET, body);
    }

    /**
     * The dashboard's policy: stylesheets of the gateway only, its one form posting to the gateway only, never framed.
     * No script source at all.
     */
    static final String POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
                    + " base-uri 'none'";

    /** What the dashboard adds to the connect page's look: a wider page, tables and charts. */
    static final String CSS = """
            main.dashboard { max-width: 56rem; }
            h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; }
            h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
            code { font-size: 0.95em; overflow-wrap: anywhere; }
            form button { width: auto; }
            table { border-collapse: collapse; width: 100%; font-size: 1rem; }
            caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
            th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid #c4c7cc; }
            figure.chart { margin: 1rem 0 2rem; }
            figure.chart svg { display: block; max-width: 100%; height: auto; }
            figcaption { color: #44474c; font-size: 1rem; margin: 0.25rem 0; }
            details { margin-top: 0.5rem; }
            summary { cursor: pointer; color: #0b4fb3; }
            summary:focus-visible, a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
            a { color: #0b4fb3; }
            .notice { padding: 0.75rem 1rem; color: #0b4a22; background: #e7f4ec; border-left: 4px solid #0b6b2e; }
            """;
}
