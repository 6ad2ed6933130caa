package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A care team hands its patient a connect link; she opens the gateway's page, chooses a service, approves there and
 * reads how it ended. The HTTP steps play her browser with the run's HTTP client; the steps that say "in her browser"
 * drive Chromium ({@link ConnectPageBrowser}) and save a screenshot of each page they look at.
 */
public class ConnectPageSteps {
    private static final Pattern BUTTON =
            Pattern.compile("<button type=\"submit\" name=\"provider\" value=\"([^\"]+)\">([^<]+)</button>");
    private static final String ASK_AGAIN = "Ask your care team for a new link.";

    private final PatientJourney journey;
    private final Gateway gateway;
    private final ConnectingSteps connecting;
    private final RedisProbe redis;
    private final ConnectPageBrowser browser;
    private HttpResponse<String> page;
    /** The name of the screenshot of the page that says the link can no longer be used. */
    private String goneScreenshot = "link-no-longer-usable";

    public ConnectPageSteps(
            PatientJourney journey,
            Gateway gateway,
            ConnectingSteps connecting,
            RedisProbe redis,
            ConnectPageBrowser browser) {
        this.journey = journey;
        this.gateway = gateway;
        this.connecting = connecting;
        this.redis = redis;
        this.browser = browser;
    }

    private static String slugOf(String service) {
        return switch (service) {
            case "Sandbox" -> "sandbox";
            case "Other Sandbox" -> "othersandbox";
            case "Login Sandbox" -> "loginsandbox";
            default -> throw new IllegalArgumentException("no such service in the run: " + service);
        };
    }

    private String body(String providers, String redirectUri) {
        StringBuilder body = new StringBuilder("{\"patientId\":\"" + journey.patientId + "\"");
        if (redirectUri != null) {
            body.append(",\"redirectUri\":\"").append(redirectUri).append('"');
        }
        if (providers != null) {
            body.append(",\"providers\":").append(providers);
        }
        return body.append('}').toString();
    }

    private static String slugs(String first, String second) {
        return second == null
                ? "[\"" + slugOf(first) + "\"]"
                : "[\"" + slugOf(first) + "\",\"" + slugOf(second) + "\"]";
    }

    private void created(String json) {
        linkFrom(gateway.connectSession(Settings.apiKeyOf(journey.project), json));
    }

    /** The link the gateway answered with, which must have been made (201). */
    private void linkFrom(HttpResponse<String> answer) {
        journey.answer = answer;
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(201);
        journey.connectLink =
                URI.create(Json.parse(journey.answer.body()).get("connectUrl").asText());
    }

    // ---- the platform asks for a link

    @When("her care team creates a connect link for her offering Sandbox and Login Sandbox")
    public void createsOfferingTwo() {
        created(body(slugs("Sandbox", "Login Sandbox"), null));
    }

    @Given("her care team has created a connect link for her offering Sandbox and Login Sandbox")
    public void hasCreatedOfferingTwo() {
        createsOfferingTwo();
    }

    @Given("her care team has created a connect link for her offering only Sandbox")
    public void hasCreatedOfferingSandbox() {
        created(body(slugs("Sandbox", null), null));
    }

    @Given("her care team has created a connect link for her offering Sandbox, returning her to the dashboard")
    public void hasCreatedWithDashboard() {
        created(body(slugs("Sandbox", null), ConnectingSteps.DASHBOARD));
    }

    @Given("her care team has created a connect link for her on the third instance, offering only Sandbox")
    public void hasCreatedOnTheThirdInstance() {
        URI third = Settings.thirdGatewayBaseUrl();
        // the scenario before may have left its Redis just started again, which the instance takes a moment to find
        linkFrom(Poll.until(
                "the third instance hands out connect links",
                () -> gateway.connectSession(
                        third, Settings.apiKeyOf(journey.project), body(slugs("Sandbox", null), null)),
                answer -> answer.statusCode() != 503,
                Duration.ofSeconds(30)));
        assertThat(journey.connectLink.getPort()).isEqualTo(third.getPort());
    }

    @Then("they get a link to the gateway's connect page, valid for 30 minutes")
    public void gotALink() {
        JsonNode body = Json.parse(journey.answer.body());
        assertThat(body.size()).as(body.toString()).isEqualTo(2);
        assertThat(journey.connectLink.toString())
                .matches(
                        Pattern.quote(Settings.gatewayBaseUrl() + "/v1/wearables/connect-page/") + "[A-Za-z0-9_-]{43}");
        Duration validFor = Duration.between(
                Instant.now(), Instant.parse(body.get("expiresAt").asText()));
        assertThat(validFor).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        assertThat(journey.answer.body()).doesNotContain(Settings.apiKeyOf(journey.project));
    }

    @When("a connect link for her is asked for without an API key")
    public void askedWithoutKey() {
        journey.answer = gateway.connectSession(null, body(null, null));
    }

    @When("her care team asks for a connect link offering a service the gateway does not know")
    public void askedForUnknownService() {
        journey.answer = gateway.connectSession(
                Settings.apiKeyOf(journey.project), body("[\"sandbox\",\"no-such-wearable\"]", null));
    }

    @When("her care team asks for a connect link returning her to an address outside its allowed ones")
    public void askedForForeignReturn() {
        journey.answer = gateway.connectSession(
                Settings.apiKeyOf(journey.project), body(null, "https://evil.example/wearables/done"));
    }

    @Then("no link is handed out and the caller is told to authenticate")
    public void refusedUnauthenticated() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(401);
        assertThat(Json.parse(journey.answer.body()).at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Then("no link is handed out and the request is refused as invalid")
    public void refusedInvalid() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(422);
        assertThat(Json.parse(journey.answer.body()).at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(journey.answer.body()).doesNotContain("no-such-wearable").doesNotContain("evil.example");
    }

    // ---- the page over HTTP

    @When("she opens the link")
    public void opens() {
        page = gateway.browse(journey.connectLink);
    }

    @Then("the page offers {string} and {string}")
    public void offers(String first, String second) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        Matcher buttons = BUTTON.matcher(page.body());
        while (buttons.find()) {
            names.add(buttons.group(2));
        }
        assertThat(names).containsExactly(first, second);
    }

    /** Hostile case 66: the page cannot be framed; nor does it run or load anything but its own stylesheet. */
    @Then("the page runs no script, cannot be framed and is not cached")
    public void safePage() {
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .startsWith("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' ")
                .contains(
                        " http://" + Settings.simulatorsAddress() + ":" + Settings.oauthPort(),
                        " http://" + Settings.simulatorsAddress() + ":" + Settings.oauthLoginPort())
                .endsWith("; frame-ancestors 'none'; base-uri 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body())
                .contains("<html lang=\"en\">", "<main>", "<h1>")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("style=")
                .doesNotContain(Settings.apiKeyOf(journey.project));
        HttpResponse<String> stylesheet = gateway.browse(journey.connectLink.resolve("assets/page.css"));
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @When("she chooses {word} on the page and approves access there")
    public void choosesAndApproves(String service) {
        choosesOnPage(service);
        journey.answer = gateway.browse(connecting.approveAtVendor());
    }

    @Given("she has chosen {word} on her connect page")
    public void choosesOnPage(String service) {
        HttpResponse<String> chosen = gateway.choose(journey.connectLink, slugOf(service));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(303);
        journey.authorizationUrl =
                URI.create(chosen.headers().firstValue("Location").orElseThrow());
        assertThat(journey.authorizationUrl.toString())
                .startsWith("http://" + Settings.simulatorsAddress() + ":" + Settings.oauthPort() + "/"
                        + slugOf(service) + "/authorize?");
        journey.state = Query.of(journey.authorizationUrl).get("state");
        assertThat(journey.state).hasSize(43);
    }

    @When("she declines access there")
    public void declines() {
        journey.answer =
                gateway.callback("/v1/wearables/sandbox/callback", "error=access_denied&state=" + journey.state);
    }

    @Then("a page tells her that her {string} account is connected")
    public void pageSaysConnected(String name) {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(200);
        assertThat(journey.answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(journey.answer.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(journey.answer.body())
                .contains("<h1 class=\"success\">Your " + name + " account is connected</h1>")
                .doesNotContain(journey.code)
                .doesNotContain(journey.state);
    }

    @Then("a page tells her that she did not approve sharing, and to ask her care team for a new link")
    public void pageSaysDeclined() {
        assertThat(journey.answer.statusCode()).as(journey.answer.body()).isEqualTo(400);
        assertThat(journey.answer.body())
                .contains("account was not connected")
                .contains("You did not approve sharing at Sandbox wearable.")
                .contains("ask your care team for a new link.");
    }

    @When("she opens the link again")
    public void opensAgain() {
        page = gateway.browse(journey.connectLink);
    }

    @When("she chooses Sandbox on the page again")
    public void choosesAgain() {
        page = gateway.choose(journey.connectLink, "sandbox");
    }

    @Then("the page tells her the link can no longer be used, and to ask her care team for a new one")
    public void pageGone() {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(410);
        assertThat(page.body()).contains("This link can no longer be used").contains(ASK_AGAIN);
    }

    @Then("a page tells her that the service is briefly unavailable, to try again in a moment, and to ask her care team"
            + " for a new link if it no longer works then")
    public void pageUnavailable() {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("5");
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body().replaceAll("\\s+", " "))
                .contains("<h1>Please try again in a moment</h1>")
                .contains("briefly unavailable, and nothing was done")
                .contains("If this link no longer works then, ask your care team for a new one.")
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("REDIS")
                .doesNotContain("\"error\"");
    }

    @Then("within {int} seconds the link tells her it can no longer be used, and to ask her care team for a new one")
    public void goneWithin(int seconds) {
        page = Poll.until(
                "the link answers once the third instance's Redis is back",
                () -> gateway.browse(journey.connectLink),
                answer -> answer.statusCode() != 503,
                Duration.ofSeconds(seconds));
        pageGone();
    }

    // ---- in her browser

    @When("she opens the link in her browser")
    public void opensInBrowser() {
        browser.open(journey.connectLink);
        assertThat(browser.heading()).isEqualTo("Connect your wearable");
    }

    @When("she chooses Login Sandbox in her browser and signs in on its sign-in form")
    public void signsInAtLoginSandbox() {
        screenshot("1-connect-page");
        browser.press("Login Sandbox");
        assertThat(browser.location().toString())
                .startsWith("http://" + Settings.simulatorsAddress() + ":" + Settings.oauthLoginPort()
                        + "/loginsandbox/authorize?");
        assertThat(browser.driver().findElements(By.name("username"))).hasSize(1);
        screenshot("2-login-sandbox-sign-in-form");
        browser.driver().findElement(By.name("username")).sendKeys(journey.patientId);
        browser.submit(browser.driver().findElement(By.cssSelector("input[type=submit]")));
        LoginSandboxProvider.received();
    }

    @When("she chooses Sandbox in her browser")
    public void choosesSandboxInBrowser() {
        browser.press("Sandbox wearable");
    }

    @Then("her browser shows that her Login Sandbox account is connected")
    public void browserShowsConnected() {
        assertThat(browser.location().getPath()).isEqualTo("/v1/wearables/loginsandbox/callback");
        assertThat(browser.heading()).isEqualTo("Your Login Sandbox account is connected");
        screenshot("3-connected");
        LoginSandboxProvider.received();
    }

    @Then("her browser shows that her Sandbox wearable account is connected")
    public void browserShowsSandboxConnected() {
        assertThat(browser.heading()).isEqualTo("Your Sandbox wearable account is connected");
    }

    @Then("her Login Sandbox account is connected to her record")
    public void loginSandboxConnected() {
        JsonNode connection = RecordSteps.onlyConnection(gateway, journey);
        assertThat(connection.get("provider").asText()).isEqualTo("loginsandbox");
        assertThat(connection.get("patientId").asText()).isEqualTo(journey.patientId);
        assertThat(connection.get("status").asText()).isIn("active", "pending");
    }

    /** 30 minutes pass: the session's key in Redis expires now instead. */
    @Given("the link has expired")
    public void linkExpired() throws InterruptedException {
        redis.expireConnectLink(tokenOf(journey.connectLink));
        goneScreenshot = "4-expired-link";
    }

    @When("she opens the link in her browser again")
    public void opensAgainInBrowser() {
        goneScreenshot = "6-used-link";
        browser.open(journey.connectLink);
    }

    @When("she opens the expired link in her browser")
    public void opensExpiredInBrowser() {
        browser.open(journey.connectLink);
    }

    @Then("her browser shows that the link can no longer be used, and to ask her care team for a new one")
    public void browserShowsGone() {
        assertThat(browser.heading()).isEqualTo("This link can no longer be used");
        assertThat(browser.text()).contains(ASK_AGAIN);
        screenshot(goneScreenshot);
    }

    /**
     * A page altered in the browser (or an old one kept open) can submit any provider: here Other Sandbox, which the
     * link does not offer. The page's policy allows no script of its own; the driver's script is the patient's tool.
     */
    @When("a service the link does not offer, Other Sandbox, is submitted from her browser")
    public void submitsOtherSandbox() {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.querySelector('button[name=provider]').value = 'othersandbox';");
        browser.press("Sandbox wearable");
    }

    @Then("her browser shows that the service is not offered, and still offers Sandbox")
    public void browserShowsNotOffered() {
        assertThat(browser.heading()).isEqualTo("Connect your wearable");
        assertThat(browser.driver().findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("That service is not offered on this page. Choose one of the services below.");
        assertThat(browser.driver().findElements(By.tagName("button")))
                .extracting(button -> button.getText().trim())
                .containsExactly("Sandbox wearable");
        screenshot("5-service-not-offered");
    }

    @Then("the link still connects her Sandbox account when she chooses it in her browser")
    public void linkStillWorks() {
        browser.press("Sandbox wearable");
        browserShowsSandboxConnected();
        assertThat(RecordSteps.onlyConnection(gateway, journey).get("provider").asText())
                .isEqualTo("sandbox");
    }

    private static String tokenOf(URI link) {
        String path = link.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void screenshot(String name) {
        Path saved = browser.screenshot(name);
        try {
            assertThat(Files.size(saved)).as(saved.toString()).isPositive();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
