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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History and analytics in a real browser (headless Chromium) against a real server and
 * database: past runs show in the history and as charts drawn on the server. Screenshots of the
 * pages go to {@code target/screenshots}. Running a prompt until the FREE plan refuses is part
 * of the new user's journey in {@code PromptVersioningIT}.
 */
class RunJourneyIT {
    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static final ConsoleBrowser session = new ConsoleBrowser(1280, 1000);
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
        session.signIn(analyst.email(), PASSWORD, "Analyst");

        // when
        open("executions");

        // then
        wait.until(driver -> browser.findElements(By.cssSelector("#executions vaadin-grid-cell-content")).stream()
                .anyMatch(cell -> cell.getText().equals("translate")));
        screenshot("executions");

        // when
        open("analytics");

        // then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("analytics-total-runs"), "13"));
        assertThat(browser.findElements(By.cssSelector("#chart-cost-per-day svg"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#chart-runs-by-prompt svg")).getText()).contains("summarise",
                "translate");
        browser.manage().window().setSize(new Dimension(1280, 4200)); // the whole page, for the documentation
        screenshot("analytics");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static void open(String path) {
        session.open(path);
    }

    private static void screenshot(String name) throws IOException {
        session.screenshot(name);
    }
}
