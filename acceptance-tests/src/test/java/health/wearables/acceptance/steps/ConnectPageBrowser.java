package health.wearables.acceptance.steps;

import io.cucumber.java.After;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient's browser: Debian's Chromium, headless, driven through Debian's chromedriver by Selenium WebDriver. Both
 * are named by their paths, so Selenium Manager never looks for (or downloads) a driver. The browser starts on first
 * use with a fresh profile, and quits after the scenario. Chromium's own background connections (updates, sync, field
 * trials, QUIC) are switched off: the run's network is closed, and nothing but the gateway and the provider should be
 * reached.
 */
public final class ConnectPageBrowser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private ChromeDriver driver;
    private Path profile;

    /** The browser, started on first use. */
    WebDriver driver() {
        if (driver == null) {
            try {
                profile = Files.createTempDirectory("connect-page-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1000,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
        return driver;
    }

    void open(URI page) {
        driver().get(page.toString());
    }

    /** Clicks the button whose text is exactly {@code label}, as a patient would. */
    void press(String label) {
        List<WebElement> buttons = driver().findElements(By.tagName("button")).stream()
                .filter(button -> button.getText().trim().equals(label))
                .toList();
        if (buttons.size() != 1) {
            throw new AssertionError("expected one button \"" + label + "\" on " + driver().getCurrentUrl() + ", found "
                    + buttons.size());
        }
        submit(buttons.get(0));
    }

    /**
     * Clicks a submit button and waits until its page has been replaced: a click returns once the form is sent, not
     * once the next page (after the redirects) is there, and a look before that would read the old page.
     */
    void submit(WebElement button) {
        button.click();
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(button));
        new WebDriverWait(driver(), Duration.ofSeconds(30))
                .until(browser ->
                        "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
    }

    String heading() {
        return driver().findElement(By.tagName("h1")).getText();
    }

    String text() {
        return driver().findElement(By.tagName("body")).getText();
    }

    URI location() {
        return URI.create(driver().getCurrentUrl());
    }

    /** Saves what the browser shows as {@code <screenshots>/<name>.png}, for the reader of the run. */
    Path screenshot(String name) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            Path directory = Files.createDirectories(Settings.screenshotsDirectory());
            return Files.write(directory.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @After
    public void quit() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                for (Path path :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            profile = null;
        }
    }
}
