package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.testing.Client;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;

/**
 * The admin's keys page and the request check in Debian's chromium, headless: an admin creates a key (its
 * display name carrying markup and a script), reads it once, and revokes it after confirming; a provider
 * office uploads a request file and pastes an invalid one. Every page is checked that nothing sent ran or
 * rendered as markup, and by axe-core (no serious or critical violation); forms are sent with the keyboard.
 */
class KeysAndCheckBrowserTest {
    private static final String MARKUP = Chromium.MARKUP;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private static RunningWorkspace workspace;
    private static ReviewService service;
    private static ReviewServer server;
    private static Chromium browser;
    private static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        workspace = RunningWorkspace.onH2(CLOCK);
        service = workspace.service;
        server = workspace.server;
        browser = workspace.chromium();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    /** Focuses the element and presses Enter: a form sent by keyboard alone. */
    private static void enter(By by, String page) {
        WebElement element = driver.findElement(by);
        element.sendKeys(Keys.ENTER);
        browser.settle(element);
        browser.check(page);
    }

    @Test
    void an_admin_creates_and_revokes_a_key_and_a_provider_checks_requests_by_keyboard_with_no_axe_violation()
            throws IOException {
        browser.signIn(service.keys().create(Role.ADMIN, "admin-ana"));
        browser.open("/admin/keys", "keys");
        driver.findElement(By.id("key-name")).sendKeys("clinic-b");
        driver.findElement(By.id("key-display")).sendKeys("Clinic B " + MARKUP);
        driver.findElement(By.id("key-role")).sendKeys("submitter");
        enter(By.cssSelector("form[action='/admin/keys'] button[type=submit]"), "key created");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Key created");
        String key = driver.findElement(By.id("new-key")).getAttribute("value");
        assertThat(new Client(server.port()).get("/v1/cases", key).status()).isEqualTo(200);
        browser.screenshot("key-created");

        browser.open("/admin/keys", "keys with the new one");
        assertThat(driver.getPageSource()).doesNotContain(key);
        browser.screenshot("keys");
        enter(By.xpath("//tr[th='clinic-b']//button"), "revoke confirmation");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Revoke a key");
        enter(By.cssSelector("input[name=confirm] ~ button[type=submit]"), "keys after the revocation");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).startsWith("The key has been revoked");
        assertThat(new Client(server.port()).get("/v1/cases", key).status()).isEqualTo(401);

        browser.signIn(service.keys().create(Role.SUBMITTER, "clinic-c"));
        WebElement link = driver.findElement(By.linkText("Check a request"));
        link.sendKeys(Keys.ENTER);
        browser.settle(link);
        browser.check("check");
        Path file = Files.createTempFile(Path.of("target"), "request", ".json");
        Files.writeString(file, Requests.patched(Requests.insufficient("CHECK-UPLOAD"),
                "{'notes': [{'date': '2024-03-01', 'author': 'Dr. Lee', 'text': 'pain 7/10 " + MARKUP.replace("\"", "") + "'}]}"),
                StandardCharsets.UTF_8);
        driver.findElement(By.id("check-file")).sendKeys(file.toAbsolutePath().toString());
        enter(By.cssSelector("form[action='/check'] button[type=submit]"), "check result");
        assertThat(driver.findElement(By.id("result-h")).getText()).isEqualTo("Request CHECK-UPLOAD: what it would get");
        assertThat(driver.findElement(By.id("check-request")).getAttribute("value")).contains("CHECK-UPLOAD");
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('details.passage').forEach("
                + "function (d) { d.open = true; })");
        browser.screenshot("check");

        WebElement text = driver.findElement(By.id("check-request"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", text,
                "{\"requestId\": \"CHECK-BAD " + MARKUP.replace("\"", "'") + "\", \"urgency\": \"whenever\"}");
        enter(By.cssSelector("form[action='/check'] button[type=submit]"), "check with contract errors");
        assertThat(driver.findElement(By.id("errors")).getText()).contains("urgency: ");
        assertThat(driver.findElement(By.id("check-request")).getAttribute("value")).contains("CHECK-BAD " + MARKUP.replace("\"", "'"));

        assertThat(browser.violations()).as("serious or critical axe violations").isEmpty();
    }
}
