package io.promptmanager.ui;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.execution.ExecutionRecord;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.SignUp;
import io.promptmanager.core.user.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.promptmanager.core.testing.FakeModelProvider.FREE_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run panel, history and analytics in a real browser (headless Chromium) against a real
 * server and database: a FREE user runs a prompt three times with the answer pushed to the page
 * and is refused the fourth with a way to upgrade; past runs show in the history and as charts.
 * Each journey saves a screenshot of its last page under {@code target/screenshots}.
 */
class RunJourneyIT {
    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static final ConsoleBrowserExtension session = new ConsoleBrowserExtension("1280,1000");
    private static TestPlatform platform;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        platform = session.platform();
        browser = session.driver();
        wait = session.await();
    }

    @Test
    void freeUserRunsThreeTimesAndIsOfferedTheUpgradeOnTheFourth() throws IOException {
        // given: a new FREE account, made through the sign-up page
        String email = "runner-" + UUID.randomUUID() + "@example.com";
        open("signup");
        type("#email input", email);
        type("#display-name input", "Runner");
        type("#password input", PASSWORD);
        browser.findElement(By.id("sign-up")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-name"), "Runner"));
        User runner = platform.services().userService().authenticate(email, PASSWORD, "127.0.0.1");
        Seeds.productionPrompt(platform.services(), runner, "summarise", FREE_MODEL);
        open("prompts/summarise/run");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quota-text"), "3 of 3 runs left today"));

        // when: three runs, each answer pushed to the page as it is recorded
        for (int left = 2; left >= 0; left--) {
            type("#variable-text textarea", "Report number " + (3 - left));
            browser.findElement(By.id("run")).click();
            String expected = left > 0 ? left + " of 3 runs left today" : "No runs left today";
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quota-text"), expected));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-output"),
                    "Hello from the fake model"));
            assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("Succeeded");
        }

        // then: the fourth is refused, with the reason and a way to upgrade
        browser.findElement(By.id("run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-error"),
                "You have used today’s 3 runs of the Free plan."));
        WebElement upgrade = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-upgrade")));
        assertThat(upgrade.getText()).isEqualTo("Upgrade to Pro");
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("Failed");
        assertThat(platform.provider().requests()).hasSize(3);
        screenshot("free-user-quota.png");
    }

    @Test
    void historyAndAnalyticsShowPastRunsWithServerDrawnCharts() throws IOException {
        // given: a user with runs over the last days, on two prompts, one BYOK, one failed
        User analyst = platform.services().userService().signUp(
                new SignUp("analyst-" + UUID.randomUUID() + "@example.com", PASSWORD, "Analyst"));
        Instant now = Instant.now();
        List<ExecutionRecord> runs = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            Instant at = now.minus(Duration.ofDays(day));
            runs.add(Seeds.succeeded(analyst, "summarise", "openai/gpt-4o-mini", BillingType.SYSTEM, 400 + 90L * day,
                    "0.00" + (day + 1) + "36", at));
            runs.add(Seeds.succeeded(analyst, "translate", "meta-llama/llama-3.3-70b-instruct:free",
                    day == 2 ? BillingType.BYOK : BillingType.SYSTEM, 900 + 40L * day, "0", at.minusSeconds(60)));
        }
        runs.add(Seeds.failed(analyst, "summarise", "openai/gpt-4o-mini", "PROVIDER_TIMEOUT", 120_000,
                now.minus(Duration.ofDays(1))));
        Seeds.record(platform, runs);
        open("login");
        type("#email input", analyst.email());
        type("#password input", PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-name"), "Analyst"));

        // when
        open("executions");

        // then
        wait.until(driver -> browser.findElements(By.cssSelector("#executions vaadin-grid-cell-content")).stream()
                .anyMatch(cell -> cell.getText().equals("translate")));
        screenshot("executions.png");

        // when
        open("analytics");

        // then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("analytics-total-runs"), "13"));
        assertThat(browser.findElements(By.cssSelector("#chart-cost-per-day svg"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#chart-runs-by-prompt svg")).getText()).contains("summarise",
                "translate");
        browser.manage().window().setSize(new Dimension(1280, 4200)); // the whole page, for the documentation
        screenshot("analytics.png");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static void open(String path) {
        session.open(path);
    }

    private static void type(String inputSelector, String text) {
        session.type(inputSelector, text);
    }

    private static void screenshot(String name) throws IOException {
        session.screenshot(name);
    }
}
