package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * The day of the three users in a real browser (Debian's chromium and chromium-driver, headless): the
 * provider submits over the API; the nurse signs in, finds the case in the queue and requests the
 * missing information with a note; the provider reads the note and sends what is missing through the
 * generated form; the case is approved; a second case is denied by a physician, its letter opened and
 * its PDF downloaded, appealed on the member's behalf and approved on reconsideration by another physician.
 * Every free-text field carries markup and a script, and every page is checked that none of it ran or
 * rendered as markup; axe-core runs on every page (no serious or critical violation); the sign-in and
 * the skip link are used by keyboard alone. Without chromium-driver it is skipped, except in CI.
 */
class BrowserDayTest {
    private static final String MARKUP = Chromium.MARKUP;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-03-05T12:00:00Z"));
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

    private static void checkPage(String name) {
        browser.check(name);
    }

    private static void signIn(String key) {
        browser.signIn(key);
    }

    private static void openCase(String requestId) {
        WebElement link = driver.findElement(By.linkText(requestId));
        link.click();
        browser.settle(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Case " + requestId);
        checkPage("case " + requestId);
    }

    private static void submitForm(String action) {
        browser.submit(action);
    }

    private static String status() {
        return driver.findElement(By.cssSelector(".summary dd")).getText();
    }

    private static void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }

    /** The first bytes of a file the signed-in browser would download, fetched with its session cookie. */
    private static String download(String url) throws IOException {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Cookie", "pumpauth_session=" + driver.manage().getCookieNamed("pumpauth_session").getValue())
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/pdf");
            return new String(r.body(), 0, Math.min(8, r.body().length), StandardCharsets.ISO_8859_1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void the_day_of_the_nurse_the_provider_and_the_physicians() throws IOException {
        String clinic = service.keys().create(Role.SUBMITTER, "clinic-a");
        String nurse = service.keys().create(Role.NURSE, "nurse-kim");
        String doctor = service.keys().create(Role.PHYSICIAN, "dr-lee");
        String doctor2 = service.keys().create(Role.PHYSICIAN, "dr-ng");
        Client api = new Client(server.port());
        // The provider submits over the API: one case waiting for the psychological evaluation, one not met.
        String missingPsych = Requests.meetsCriteria("DAY-1").replaceAll(", \"psychEvaluation\": \\{[^}]*\\}", "");
        assertThat(api.post("/v1/cases", clinic, missingPsych).json().path("status").asText())
                .isEqualTo("information-requested");
        String notMet = Requests.meetsCriteria("DAY-2").replace("\"reliefPercent\": 60", "\"reliefPercent\": 20");
        assertThat(api.post("/v1/cases", clinic, notMet).json().path("status").asText()).isEqualTo("pending-review");

        // The nurse signs in, finds the first case in the queue and reads what is missing.
        signIn(nurse);
        assertThat(driver.findElement(By.cssSelector("table.queue")).getText()).contains("DAY-1", "DAY-2");
        screenshot("queue");
        openCase("DAY-1");
        assertThat(driver.findElement(By.cssSelector("ul.checklist")).getText()).contains("psychEvaluation");
        assertThat(driver.findElements(By.cssSelector("form[action$='/deny']"))).as("a nurse may not deny").isEmpty();
        // Keyboard: the first Tab reaches the skip link, Enter moves to the main content.
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('details.passage').forEach("
                + "function (d, i) { if (i < 4) { d.open = true; } });"
                + "document.getElementById('criteria-h').scrollIntoView();");
        screenshot("case");
        // The nurse sends the provider the missing list with a note: a letter, and the note on the case page.
        driver.findElement(By.id("request-note")).sendKeys("The evaluation may be with Dr. Ortiz " + MARKUP);
        submitForm("request-information");
        assertThat(driver.findElement(By.cssSelector("ul.requests")).getText()).contains("by nurse-kim")
                .contains("The evaluation may be with Dr. Ortiz <script>");
        assertThat(status()).isEqualTo("information-requested");
        submitForm("logout");

        // The provider signs in, reads the nurse's note and sends the evaluation through the generated form.
        signIn(clinic);
        openCase("DAY-1");
        assertThat(driver.findElement(By.cssSelector("ul.requests q.note")).getText())
                .isEqualTo("The evaluation may be with Dr. Ortiz " + MARKUP);
        for (WebElement yes : driver.findElements(By.cssSelector("form[action$='/information'] input[type=radio][value=yes]"))) {
            yes.click();
        }
        for (WebElement date : driver.findElements(By.cssSelector("form[action$='/information'] input[type=date]"))) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2024-01-22'", date);
        }
        for (WebElement select : driver.findElements(By.cssSelector("form[action$='/information'] select"))) {
            new org.openqa.selenium.support.ui.Select(select).selectByValue("psychologist");
        }
        submitForm("information");
        assertThat(driver.findElement(By.cssSelector("table.history")).getText()).contains("determination 2");
        assertThat(status()).as("re-evaluated and approved by the system").isEqualTo("approved");
        submitForm("logout");

        // A physician denies the second case, naming the criterion, with a rationale.
        signIn(doctor);
        openCase("DAY-2");
        driver.findElement(By.cssSelector("form[action$='/deny'] input[name=criterion]")).click();
        driver.findElement(By.id("deny-rationale")).sendKeys("relief under half " + MARKUP);
        submitForm("deny");
        assertThat(status()).isEqualTo("denied");
        // The denial letter opens in the browser, and its PDF downloads through the session.
        List<WebElement> letter = driver.findElements(By.cssSelector("section[aria-labelledby='letters-h'] li a"));
        assertThat(letter).hasSize(2);
        assertThat(letter.get(0).getText()).isEqualTo("Notice of denial of coverage");
        assertThat(letter.get(1).getText()).startsWith("download PDF");
        String pdf = letter.get(1).getAttribute("href");
        letter.get(0).click();
        browser.settle(letter.get(0));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Notice of denial of coverage");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("relief under half <script>");
        checkPage("denial letter");
        screenshot("letter");
        assertThat(download(pdf)).startsWith("%PDF");
        driver.navigate().back();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Case DAY-2");
        driver.findElement(By.id("p2p-date")).sendKeys("03052024");
        driver.findElement(By.id("p2p-participants")).sendKeys("dr-lee\nDr. Alvarez " + MARKUP);
        driver.findElement(By.id("p2p-summary")).sendKeys("discussed the trial " + MARKUP);
        submitForm("peer-to-peer");
        assertThat(driver.findElement(By.cssSelector("table.history")).getText()).contains("peer-to-peer held");
        submitForm("logout");

        // The nurse finds the denied case with the status filter (htmx replaces the results) and records the member's appeal.
        signIn(nurse);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-status"))).selectByValue("denied");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("status=denied") && !d.findElements(By.linkText("DAY-2")).isEmpty());
        checkPage("queue filtered");
        openCase("DAY-2");
        driver.findElement(By.id("appeal-reason")).sendKeys("the member asks for reconsideration " + MARKUP);
        submitForm("appeal");
        assertThat(status()).isEqualTo("reconsideration");
        submitForm("logout");

        // The physician who denied may not decide the reconsideration: no form for them.
        signIn(doctor);
        openCase("DAY-2");
        assertThat(driver.findElements(By.cssSelector("form[action$='/approve']"))).isEmpty();
        submitForm("logout");

        // Another physician approves on reconsideration.
        signIn(doctor2);
        openCase("DAY-2");
        driver.findElement(By.id("approve-rationale")).sendKeys("the trial report shows 55% relief " + MARKUP);
        submitForm("approve");
        assertThat(status()).isEqualTo("approved");
        assertThat(driver.getPageSource()).contains("&lt;script&gt;window.injected=1&lt;/script&gt;");

        assertThat(browser.violations()).as("serious or critical axe violations").isEmpty();
    }
}
