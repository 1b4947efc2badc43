package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;

/**
 * The policies pages in a real browser, by keyboard alone: a physician follows the policy on a case page
 * to the version the case was reviewed under, opens a criterion's source passage, goes on to the diff,
 * chooses two versions and reads what changed; markup sent in the diff's query neither runs nor renders;
 * axe-core finds no serious or critical violation on any of the pages. Skipped without chromium-driver,
 * except in CI.
 */
class PolicyPagesBrowserTest {
    private static RunningWorkspace workspace;
    private static ReviewService service;
    private static ReviewServer server;
    private static Chromium browser;
    private static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        workspace = RunningWorkspace.onH2(new MutableClock(Instant.parse("2024-03-05T12:00:00Z")));
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

    /** Follows a link by keyboard (focus, Enter) and checks the page it opens. */
    private static void follow(WebElement link, String name) {
        link.sendKeys(Keys.ENTER);
        browser.settle(link);
        browser.check(name);
    }

    @Test
    void a_physician_reads_the_version_a_case_was_reviewed_under_and_what_changed_from_the_one_before() throws IOException {
        ReviewCase c = service.cases().submit(new Caller("clinic-a", Role.SUBMITTER),
                Requests.meetsCriteria("POL-1").getBytes(StandardCharsets.UTF_8)).reviewCase();
        browser.signIn(service.keys().create(Role.PHYSICIAN, "dr-lee"));

        // The navigation's Policies link lists the policies and their versions.
        follow(driver.findElement(By.linkText("Policies")), "policies");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Policies");
        assertThat(driver.findElement(By.id("nia-cg-310")).getText()).contains("nia-cg-310@2023-07-01", "2023-07-01 to 2023-12-31");

        // From the case page, the policy opens the version the case was reviewed under.
        browser.open("/cases/" + c.id(), "case POL-1");
        follow(driver.findElement(By.cssSelector(".summary a[href^='/policies/']")), "policy version");
        assertThat(driver.getCurrentUrl()).endsWith("/policies/nia-cg-310/versions/2024-01-01");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("nia-cg-310@2024-01-01");

        // A criterion's source passage opens from the keyboard, beside it, its heading highlighted.
        WebElement summary = driver.findElement(By.xpath("//summary[contains(., 'of additional-trials')]"));
        WebElement passage = summary.findElement(By.xpath("following-sibling::blockquote"));
        assertThat(passage.isDisplayed()).isFalse();
        summary.sendKeys(Keys.ENTER);
        assertThat(passage.isDisplayed()).isTrue();
        assertThat(passage.findElement(By.tagName("mark")).getText()).isEqualTo("Additional Trials");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();",
                summary.findElement(By.xpath("ancestor::li[1]")));
        browser.screenshot("policy-version");

        // The diff opens on the latest version against the one before: each change in struck and added words.
        follow(driver.findElement(By.linkText("Compare versions")), "policy diff");
        assertThat(driver.findElement(By.cssSelector(".diff-summary")).getText()).contains("nia-cg-310@2023-07-01", "nia-cg-310@2024-01-01");
        WebElement changed = driver.findElement(By.xpath(
                "//li[contains(@class, 'changed')][.//h3[contains(., 'pain.conservative-therapy.failed-course')]]"));
        assertThat(changed.findElement(By.tagName("del")).getText()).contains("non-operative");
        assertThat(changed.findElement(By.tagName("ins")).getText()).contains("targeting the requested spinal region");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", changed);
        browser.screenshot("policy-diff");

        // Two other versions, chosen in the form by keyboard.
        driver.findElement(By.id("diff-from")).sendKeys("2023-01-01");
        driver.findElement(By.id("diff-to")).sendKeys("2023-07-01");
        follow(driver.findElement(By.cssSelector("form[action$='/diff'] button[type=submit]")), "policy diff, chosen versions");
        assertThat(driver.getCurrentUrl()).endsWith("/policies/nia-cg-310/diff?from=2023-01-01&to=2023-07-01");
        assertThat(driver.findElement(By.cssSelector(".diff-summary")).getText()).contains("0 added, 4 removed, 0 changed");
        assertThat(driver.findElements(By.cssSelector(".change.removed h3"))).hasSize(4)
                .allSatisfy(h -> assertThat(h.getText()).endsWith("Criterion life-expectancy"));

        // Markup sent as a version is refused without being shown or run.
        browser.open("/policies/nia-cg-310/diff?from=" + URLEncoder.encode(Chromium.MARKUP, StandardCharsets.UTF_8)
                + "&to=2024-01-01", "policy diff, a forged version");
        assertThat(driver.findElement(By.id("errors")).getText()).contains("from: must be one of the versions of nia-cg-310");

        assertThat(browser.violations()).as("axe-core: serious or critical violations").isEmpty();
    }
}
