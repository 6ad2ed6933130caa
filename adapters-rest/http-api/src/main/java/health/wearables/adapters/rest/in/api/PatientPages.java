package health.wearables.adapters.rest.in.api;

import static org.owasp.encoder.Encode.forHtml;

import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.connect.ConnectPage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The pages a patient reads: the connect page, and the pages that end the way through it. Rendered here, from text
 * blocks in which every value is HTML-escaped (OWASP Java Encoder), with one stylesheet served by the gateway and no
 * script at all. Each page is sent with a Content-Security-Policy that allows nothing but that stylesheet, a form
 * that posts to the page itself (and, on the connect page, is redirected to the offered providers' authorization
 * servers: Chromium checks a form's redirects against {@code form-action} too), and no framing (hostile case 66).
 */
final class PatientPages {
    /** Where the pages' stylesheet is served. */
    static final String STYLESHEET = "/v1/wearables/connect-page/assets/page.css";

    private static final String ASK_AGAIN = "Ask your care team for a new link.";

    private PatientPages() {}

    /** The connect page: one button per offered provider, in one form that posts back to the page. */
    static Response offer(ConnectPage.Offered offered, Optional<String> problem, int status) {
        StringBuilder buttons = new StringBuilder();
        for (ConnectPage.Choice choice : offered.choices()) {
            buttons.append("        <li><button type=\"submit\" name=\"provider\" value=\"")
                    .append(forHtml(choice.provider().value()))
                    .append("\">")
                    .append(forHtml(choice.displayName()))
                    .append("</button></li>\n");
        }
        String alert = problem.map(text -> "<p class=\"problem\" role=\"alert\">" + forHtml(text) + "</p>\n")
                .orElse("");
        String body = """
                <h1>Connect your wearable</h1>
                <p>Choose the service your wearable uses. You will sign in there and approve sharing your data with \
                your care team.</p>
                %s<form method="post">
                  <fieldset>
                    <legend>Your wearable's service</legend>
                    <ul class="providers">
                %s    </ul>
                  </fieldset>
                </form>
                <p class="note">This link works once, for 30 minutes.</p>
                """.formatted(alert, buttons);
        Set<String> formTargets = new LinkedHashSet<>();
        formTargets.add("'self'");
        for (ConnectPage.Choice choice : offered.choices()) {
            origin(choice.authorizationUrl()).ifPresent(formTargets::add);
        }
        return page(status, "Connect your wearable", body, String.join(" ", formTargets));
    }

    /** The link is unknown, expired or used: 410, and what to do. */
    static Response gone() {
        return page(410, "This link can no longer be used", """
                <h1>This link can no longer be used</h1>
                <p>It has expired or was already used. %s</p>
                """.formatted(ASK_AGAIN), "'none'");
    }

    /**
     * A store the page needs cannot be reached: 503 (try again in 5 s, as the API's answer says), nothing was done.
     * Whether the link was used up cannot be told here, so the page says what to do either way.
     */
    static Response unavailable() {
        Response page = page(503, "Please try again in a moment", """
                <h1>Please try again in a moment</h1>
                <p>The service that connects your wearable is briefly unavailable, and nothing was done. Please try
                again in a moment. If this link no longer works then, ask your care team for a new one.</p>
                """, "'none'");
        return Response.fromResponse(page).header("Retry-After", "5").build();
    }

    /** The link was used up but the provider's authorization could not start. */
    static Response notStarted(Rejection rejection, String providerName) {
        String why = rejection.code() == RejectionCode.PROVIDER_RETIRED
                ? providerName + " no longer takes new connections."
                : providerName + " did not respond.";
        return page(
                ApiErrors.status(rejection.code()),
                "Connecting could not start",
                """
                <h1>Connecting %s could not start</h1>
                <p>%s %s</p>
                """.formatted(forHtml(providerName), forHtml(why), ASK_AGAIN),
                "'none'");
    }

    /** The end of the way back from a provider: connected. */
    static Response connected(String providerName) {
        return page(200, "Your account is connected", """
                <h1 class="success">Your %s account is connected</h1>
                <p>Your care team can now receive the data it shares. You can close this page.</p>
                """.formatted(forHtml(providerName)), "'none'");
    }

    /** The end of the way back: approved, the connection is being stored. */
    static Response pending(String providerName) {
        return page(202, "Your account is being connected", """
                <h1>Your %s account is being connected</h1>
                <p>You approved the access. Your care team's records are being updated and the connection will \
                appear shortly. You can close this page.</p>
                """.formatted(forHtml(providerName)), "'none'");
    }

    /** The end of the way back: no connection, in plain words, and what to do. */
    static Response refused(Rejection rejection, String providerName) {
        return page(
                ApiErrors.status(rejection.code()),
                "Your account was not connected",
                """
                <h1>Your %s account was not connected</h1>
                <p>%s</p>
                """.formatted(forHtml(providerName), forHtml(reason(rejection, providerName))),
                "'none'");
    }

    private static String reason(Rejection rejection, String providerName) {
        return switch (rejection.code()) {
            case PROVIDER_ERROR ->
                rejection.providerError().filter("access_denied"::equals).isPresent()
                        ? "You did not approve sharing at " + providerName + ". If that was a mistake, "
                                + ASK_AGAIN.toLowerCase(java.util.Locale.ROOT)
                        : providerName + " reported a problem. " + ASK_AGAIN;
            case TOKEN_EXCHANGE_FAILED -> providerName + " did not complete the connection. " + ASK_AGAIN;
            case PROVIDER_MISMATCH -> "The answer came back from another service than the one you chose. " + ASK_AGAIN;
            case PROVIDER_RETIRED -> providerName + " no longer takes new connections. " + ASK_AGAIN;
            case INVALID_REQUEST, INVALID_STATE, UNKNOWN_PROVIDER, MISSING_PARAMETER, UNAUTHORIZED, VALIDATION_FAILED ->
                "Something went wrong on the way back from " + providerName + ". " + ASK_AGAIN;
        };
    }

    /** The stylesheet of every page: readable contrast, a visible focus, nothing loaded from elsewhere. */
    static final String CSS = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f4f5f7; color: #1a1a1a;
              font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 34rem; margin: 2rem auto; padding: 2rem; background: #ffffff;
              border: 1px solid #c4c7cc; border-radius: 0.5rem; }
            h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
            h1.success { color: #0b6b2e; }
            fieldset { border: 0; margin: 1.5rem 0; padding: 0; }
            legend { font-weight: 600; margin-bottom: 0.75rem; }
            ul.providers { list-style: none; margin: 0; padding: 0; }
            ul.providers li { margin: 0 0 0.75rem; }
            button { display: block; width: 100%; min-height: 3rem; padding: 0.75rem 1rem; font: inherit;
              font-weight: 600; text-align: left; color: #ffffff; background: #0b4fb3;
              border: 2px solid #0b4fb3; border-radius: 0.375rem; cursor: pointer; }
            button:hover { background: #083b86; border-color: #083b86; }
            button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 3px; }
            .problem { padding: 0.75rem 1rem; color: #7a1212; background: #fdecec; border-left: 4px solid #b3261e; }
            .note { color: #44474c; font-size: 1rem; }
            """;

    /** The stylesheet's own answer, cacheable by nobody (as every answer of the gateway), with a tight policy. */
    static Response stylesheet() {
        return Response.ok(CSS, new MediaType("text", "css", "utf-8"))
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .build();
    }

    private static Response page(int status, String title, String body, String formAction) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s</title>
                <link rel="stylesheet" href="%s">
                </head>
                <body>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(forHtml(title), STYLESHEET, body);
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                // bytes, not a String: RESTEasy (under Liberty's restfulWS too) escapes a String of text/html in a 400
                // answer as a whole, which would show the patient the page's markup
                .entity(html.getBytes(StandardCharsets.UTF_8))
                .header("Content-Security-Policy", policy(formAction))
                .header("X-Frame-Options", "DENY")
                .build();
    }

    /** The pages' policy: only the gateway's stylesheet, forms only where {@code formAction} says, never framed. */
    static String policy(String formAction) {
        return "default-src 'none'; style-src 'self'; img-src 'self'; form-action " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL, as a CSP source; nothing for anything else. */
    static Optional<String> origin(URI url) {
        String scheme = url.getScheme();
        if (scheme == null
                || url.getHost() == null
                || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            return Optional.empty();
        }
        String host = url.getHost();
        if (!host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            return Optional.empty();
        }
        return Optional.of(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + host
                + (url.getPort() == -1 ? "" : ":" + url.getPort()));
    }
}
