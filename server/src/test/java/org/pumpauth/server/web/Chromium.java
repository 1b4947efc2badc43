package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by chromium-driver, for the workspace's browser tests: it signs in,
 * waits for the next page, checks each page (nothing a request sent ran or rendered as markup; axe-core finds
 * no serious or critical violation) and takes screenshots. Without chromium-driver the test is skipped, except
 * in CI, where {@code .ci/run} installs it.
 */
final class Chromium implements AutoCloseable {
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BINARY = Path.of("/usr/bin/chromium");

    /** Markup and a script, for every free-text field: no page may run or render it. */
    static final String MARKUP = "<script>window.injected=1</script><b class=\"injected\">b</b>"
            + "<img src=x onerror=\"window.injected=2\">";

    final WebDriver driver;
    private final String base;
    private final String axe;
    private final List<String> violations = new ArrayList<>();

    private Chromium(WebDriver driver, String base, String axe) {
        this.driver = driver;
        this.base = base;
        this.axe = axe;
    }

    /** Starts a browser for the workspace at {@code base} (http://127.0.0.1:PORT), or skips the test outside CI. */
    static Chromium startOrSkip(String base) throws IOException {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(BINARY),
                    "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        }
        Path home = Path.of("target", "browser-home").toAbsolutePath();
        Files.createDirectories(home);
        Path profile = Files.createTempDirectory(home, "profile");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withEnvironment(Map.of("HOME", home.toString())).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try (InputStream in = Chromium.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new Chromium(driver, base, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Opens a workspace path (such as {@code /policies}) and checks the page. */
    void open(String path, String name) {
        driver.get(base + path);
        waitLoaded();
        check(name);
    }

    /**
     * Checks the page in view: nothing a request sent ran or rendered as markup, and axe-core's serious or
     * critical violations are collected (see {@link #violations()}) so that one test reports them all.
     */
    void check(String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return window.injected === undefined && !document.querySelector('.injected')"))
                .as("no markup sent ran or rendered on " + name).isEqualTo(Boolean.TRUE);
        js.executeScript(axe);
        Object found = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.id + ' (' + v.impact + ', ' + v.nodes.length + ')'; }).join('; '));"
                + "}).catch(function (e) { done('axe failed: ' + e); });");
        if (!String.valueOf(found).isEmpty()) {
            violations.add(name + ": " + found);
        }
    }

    /** The serious or critical axe-core violations found on the pages checked so far, one line per page. */
    List<String> violations() {
        return violations;
    }

    /** Signs in with {@code key} by keyboard alone (the key, then Enter) and lands on the queue. */
    void signIn(String key) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        check("sign-in");
        WebElement field = driver.findElement(By.id("key"));
        field.sendKeys(key, Keys.ENTER);
        settle(field);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Queue");
        check("queue");
    }

    /** Clicks the submit button of the form posting to a path ending in {@code /action}, and checks the next page. */
    void submit(String action) {
        WebElement button = driver.findElement(By.cssSelector("form[action$='/" + action + "'] button[type=submit]"));
        button.click();
        settle(button);
        check("after " + action);
    }

    /** Waits until the page that held {@code element} has been replaced by the next one, loaded. */
    void settle(WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // Stale, or (while the next page replaces it) a node that no longer belongs to the document.
                return true;
            }
        });
        waitLoaded();
    }

    private void waitLoaded() {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Saves a screenshot of the page in view as {@code target/screenshots/NAME.png}. */
    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
