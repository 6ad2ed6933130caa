package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The demo dashboard of the demo instance (the demo WAR in demo mode, {@code gateway.base-url.demo}): over HTTP for
 * what a browser does not show (the 404s of the production WAR, the refused posts), and in Chromium
 * ({@link ConnectPageBrowser}) for the newcomer's way through it, with a screenshot of each page.
 */
public final class DemoDashboardSteps {
    private static final String BUTTON = "Connect the demo patient's wearable";
    private static final Pattern BANNER_KEY = Pattern.compile("API key of project 'demo': (\\S+)");
    private static final Pattern COOKIE = Pattern.compile("wearables_demo_form=([A-Za-z0-9_-]{43}); (.*)");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"token\" value=\"([A-Za-z0-9_-]{43})\"");
    private static final Duration FIRST_SYNC = Duration.ofMinutes(3);

    private final ConnectPageBrowser browser;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private HttpResponse<String> page;
    private HttpResponse<String> answer;

    public DemoDashboardSteps(ConnectPageBrowser browser) {
        this.browser = browser;
    }

    static URI demoInstance() {
        return URI.create(Settings.get("gateway.base-url.demo"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> postConnect(
            URI instance, String form, Optional<String> cookie, Optional<String> origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve("/demo/connect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        cookie.ifPresent(value -> request.header("Cookie", value));
        origin.ifPresent(value -> request.header("Origin", value));
        return send(request);
    }

    @Then("the demo instance serves the dashboard, and sends a browser at its root there")
    public void demoServesIt() {
        HttpResponse<String> root = get(demoInstance().resolve("/"));
        assertThat(root.statusCode()).as(root.body()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).contains(demoInstance() + "/demo/");
        HttpResponse<String> dashboard = get(demoInstance().resolve("/demo/"));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<h1>Wearables gateway demo</h1>");
        assertThat(get(demoInstance().resolve("/demo/assets/dashboard.css")).statusCode())
                .isEqualTo(200);
    }

    @Then("the production gateway answers 404 at each of the dashboard's addresses")
    public void productionHasNone() {
        URI production = Settings.gatewayBaseUrl();
        for (String path : List.of("/", "/demo", "/demo/", "/demo/assets/dashboard.css")) {
            HttpResponse<String> got = get(production.resolve(path));
            assertThat(got.statusCode())
                    .as("GET " + path + " of the production WAR")
                    .isEqualTo(404);
            assertThat(got.body()).doesNotContain("Wearables gateway demo");
        }
        String token = "A".repeat(43);
        HttpResponse<String> post = postConnect(
                production, "token=" + token, Optional.of("wearables_demo_form=" + token), Optional.empty());
        assertThat(post.statusCode())
                .as("POST /demo/connect of the production WAR")
                .isEqualTo(404);
        assertThat(post.headers().firstValue("Location")).isEmpty();
    }

    @Given("the demo dashboard has been opened")
    public void opened() {
        page = get(demoInstance().resolve("/demo/"));
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Then("its page runs no script, loads nothing from elsewhere and cannot be framed")
    public void strictPage() {
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .contains("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        // Liberty adds no-cache="set-cookie" to an answer that sets a cookie
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("no-store"));
        assertThat(page.body())
                .doesNotContain("<script")
                .doesNotContain(" style=")
                .doesNotContain("http://localhost:" + Settings.gatewayBaseUrl().getPort());
        assertThat(page.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    private String cookieToken() {
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher cookie = COOKIE.matcher(setCookie);
        assertThat(cookie.matches()).as(setCookie).isTrue();
        return cookie.group(1);
    }

    @Then("its connect form carries a token that is also in a SameSite=Strict cookie")
    public void formToken() {
        Matcher cookie = COOKIE.matcher(page.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(cookie.matches()).isTrue();
        assertThat(cookie.group(2)).isEqualTo("Path=/demo; HttpOnly; SameSite=Strict");
        Matcher form = FORM_TOKEN.matcher(page.body());
        assertThat(form.find()).isTrue();
        assertThat(form.group(1)).isEqualTo(cookie.group(1));
    }

    @When("the connect button is posted from another site's page")
    public void postedFromElsewhere() {
        // even with the right token and cookie: a browser says where the form was
        String token = cookieToken();
        answer = postConnect(
                demoInstance(),
                "token=" + token,
                Optional.of("wearables_demo_form=" + token),
                Optional.of("https://attacker.example"));
    }

    @When("the connect button is posted without the dashboard's cookie")
    public void postedWithoutCookie() {
        answer = postConnect(demoInstance(), "token=" + cookieToken(), Optional.empty(), Optional.empty());
    }

    @Then("nothing is connected and the answer says the button works only on the dashboard")
    public void refusedForOrigin() {
        refused("The connect button works only on the dashboard itself.");
    }

    @Then("nothing is connected and the answer says the form has expired")
    public void refusedForToken() {
        refused("This form has expired");
    }

    private void refused(String text) {
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Location"))
                .as("no way to a connect page")
                .isEmpty();
        assertThat(answer.body()).contains(text).doesNotContainPattern("connect-page/[A-Za-z0-9_-]{43}");
    }

    @Given("a newcomer opens the demo gateway's address in her browser")
    public void opensRoot() {
        browser.open(demoInstance().resolve("/"));
    }

    @Then("she sees the demo dashboard with no connection and nothing to chart")
    public void emptyDashboard() {
        assertThat(browser.location().getPath()).isEqualTo("/demo/");
        assertThat(browser.heading()).isEqualTo("Wearables gateway demo");
        assertThat(browser.driver().findElements(By.id("no-connections"))).hasSize(1);
        assertThat(browser.driver().findElements(By.id("no-data"))).hasSize(1);
        assertThat(browser.driver().findElements(By.tagName("svg"))).isEmpty();
        screenshot("7-dashboard-empty");
    }

    @When("she presses the dashboard's connect button")
    public void pressesConnect() {
        browser.press(BUTTON);
    }

    @Then("the gateway's connect page offers the demo wearable")
    public void connectPage() {
        URI location = browser.location();
        assertThat(location.getPath()).startsWith("/v1/wearables/connect-page/");
        assertThat(location.getPort()).isEqualTo(demoInstance().getPort());
        Gateway.rememberConnectLink(location);
        assertThat(browser.heading()).isEqualTo("Connect your wearable");
        assertThat(browser.driver().findElements(By.cssSelector("button[name=provider]")))
                .extracting(WebElement::getText)
                .containsExactly("Demo wearable (in-process OAuth 2.0 server)");
        screenshot("7b-dashboard-connect-page");
    }

    @When("she chooses it and signs in on the demo provider's sign-in form")
    public void signsIn() {
        browser.press("Demo wearable (in-process OAuth 2.0 server)");
        assertThat(browser.location().toString())
                .startsWith("http://localhost:" + Settings.get("demo.provider-port") + "/demo/authorize?");
        assertThat(browser.driver().findElements(By.name("username"))).hasSize(1);
        screenshot("7c-dashboard-demo-sign-in-form");
        browser.driver().findElement(By.name("username")).sendKeys("newcomer");
        browser.submit(browser.driver().findElement(By.cssSelector("input[type=submit]")));
    }

    @Then("her browser is back on the dashboard, which lists the demo patient's connection as active")
    public void backOnDashboard() {
        URI location = browser.location();
        assertThat(location.getPath()).isEqualTo("/demo/");
        assertThat(location.getQuery()).contains("status=connected", "provider=demo", "patientId=demo-patient");
        assertThat(browser.driver().findElement(By.cssSelector("p.notice")).getText())
                .startsWith("The demo patient's wearable is connected.");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#connections tbody tr"));
        assertThat(rows).hasSize(1);
        List<String> cells = rows.get(0).findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(cells.subList(0, 3))
                .containsExactly("Demo wearable (in-process OAuth 2.0 server)", "demo-patient", "active");
        screenshot("8-dashboard-connected");
    }

    @Then("once the first sync is done, the dashboard charts her steps per day, resting heart rate and sleep per night")
    public void charts() {
        Instant deadline = Instant.now().plus(FIRST_SYNC);
        while (!browser.driver().findElements(By.id("syncing")).isEmpty()
                || browser.driver().findElements(By.id("chart-steps")).isEmpty()) {
            assertThat(Instant.now())
                    .as("the first sync ends within " + FIRST_SYNC)
                    .isBefore(deadline);
            sleep(Duration.ofSeconds(2));
            browser.open(demoInstance().resolve("/demo/"));
        }
        assertThat(browser.driver().findElements(By.cssSelector("figure h3")))
                .extracting(WebElement::getText)
                .containsExactly("Steps per day", "Resting heart rate", "Sleep per night");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#connections td.sync-status"))
                        .getText())
                .isEqualTo("ok");
        for (String values :
                List.of("#chart-steps rect.bar", "#chart-resting-heart-rate circle.point", "#chart-sleep rect.bar")) {
            List<WebElement> drawn = browser.driver().findElements(By.cssSelector(values));
            // the sync reads 30 days back from now: the first day of the window may be partly outside it
            assertThat(drawn).as(values).hasSizeBetween(29, 30);
            assertThat(drawn)
                    .allSatisfy(element -> assertThat(Double.parseDouble(element.getAttribute("data-value")))
                            .as(values)
                            .isPositive());
        }
        // the whole page in one picture: a window as tall as the page
        Object height = ((JavascriptExecutor) browser.driver()).executeScript("return document.body.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1000, Math.toIntExact((Long) height) + 120));
        screenshot("9-dashboard-charts");
    }

    @Then("the charted steps are the ones the gateway's FHIR search answers for the demo project")
    public void stepsFromFhir() {
        Map<LocalDate, Double> charted = new LinkedHashMap<>();
        for (WebElement bar : browser.driver().findElements(By.cssSelector("#chart-steps rect.bar"))) {
            charted.put(
                    LocalDate.parse(bar.getAttribute("data-day")), Double.parseDouble(bar.getAttribute("data-value")));
        }
        HttpResponse<String> search = send(HttpRequest.newBuilder(demoInstance()
                        .resolve("/fhir/Observation?patient=Patient/demo-patient&code="
                                + Gateway.encode("http://loinc.org|41950-7") + "&_count=200"))
                .header("Authorization", "Bearer " + demoApiKey())
                .GET());
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        Map<LocalDate, Double> searched = new LinkedHashMap<>();
        for (JsonNode entry : Json.parse(search.body()).path("entry")) {
            JsonNode observation = entry.path("resource");
            LocalDate day = LocalDate.ofInstant(
                    OffsetDateTime.parse(
                                    observation.at("/effectivePeriod/start").asText())
                            .toInstant(),
                    ZoneOffset.UTC);
            searched.put(day, observation.at("/valueQuantity/value").asDouble());
        }
        assertThat(charted).isNotEmpty();
        assertThat(searched).containsAllEntriesOf(charted);
        LocalDate first = charted.keySet().iterator().next();
        searched.keySet().removeIf(day -> day.isBefore(first));
        assertThat(charted).isEqualTo(searched);
    }

    @Then("the demo project's API key appears in the demo instance's logs only in its start banner")
    public void keyOnlyInBanner() {
        String key = demoApiKey();
        List<String> lines = new ArrayList<>();
        for (Path file : logFiles()) {
            try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
                all.filter(line -> line.contains(key)).forEach(line -> lines.add(file.getFileName() + ": " + line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(lines).as("the banner is in the log").isNotEmpty();
        assertThat(lines)
                .as("lines of the demo instance's logs with the demo API key")
                .allSatisfy(line -> assertThat(line).contains("API key of project 'demo': " + key));
    }

    /** The demo API key, as the demo instance printed it at start for the newcomer. */
    private static String demoApiKey() {
        Path console = Path.of(Settings.get("gateway.demo.log-dir")).resolve("messages.log");
        try (Stream<String> lines = Files.lines(console, StandardCharsets.UTF_8)) {
            return lines.map(BANNER_KEY::matcher)
                    .filter(Matcher::find)
                    .map(matcher -> matcher.group(1))
                    .reduce((earlier, later) -> later)
                    .orElseThrow(() -> new AssertionError("no demo banner in " + console));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> logFiles() {
        try (Stream<Path> files = Files.walk(Path.of(Settings.get("gateway.demo.log-dir")))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(String name) {
        Path saved = browser.screenshot(name);
        try {
            assertThat(Files.size(saved)).as(saved.toString()).isPositive();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
