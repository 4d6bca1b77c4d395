package io.promptmanager.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.promptmanager.app.InstalledDistribution.env;
import static io.promptmanager.app.InstalledDistribution.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's settings, run history and administration journeys in a real browser against the
 * packaged product (bundled OpenRouter and key storage plugins, OpenRouter faked on its wire
 * format), each checked through the REST API as a program would see it. Screenshots of each
 * journey's last page go to {@code target/screenshots/}.
 */
class ConsoleJourneysIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final String SYSTEM_KEY = "sk-or-v1-" + "0123456789abcdef".repeat(4);
    private static final String USER_KEY = "sk-or-v1-" + "fedcba9876543210".repeat(4);
    private static final String ADMIN_EMAIL = "admin@example.com";
    private static final String PASSWORD = "correct horse battery staple";

    private static FakeOpenRouter openRouter;
    private static RunningProcess platform;
    private static ConsoleBrowser browser;
    private static int apiPort;
    private static ApiClient operator;

    @BeforeAll
    static void start() throws Exception {
        InstalledDistribution distribution = InstalledDistribution.unzip();
        openRouter = new FakeOpenRouter();
        apiPort = freePort();
        int consolePort = freePort();
        String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
        platform = distribution.launch(env("PM_DATA_DIR", Files.createTempDirectory("pm-data"),
                "PM_API_PORT", apiPort, "PM_CONSOLE_PORT", consolePort, "PM_ADMIN_API_KEY", operatorKey,
                "PM_ADMIN_EMAIL", ADMIN_EMAIL, "PM_ADMIN_PASSWORD", PASSWORD,
                "PM_OPENROUTER_BASE_URL", openRouter.baseUrl(), "OPENROUTER_API_KEY", SYSTEM_KEY,
                "PM_MASTER_KEY", "k1:" + randomMasterKey()));
        platform.awaitOutput("Prompt Manager is running", START);
        operator = new ApiClient(apiPort, operatorKey);
        awaitCatalogue();
        browser = new ConsoleBrowser(URI.create("http://localhost:" + consolePort + "/"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.stop(Duration.ofSeconds(60));
            assertThat(platform.stdout() + platform.stderr()).doesNotContain(USER_KEY).doesNotContain(SYSTEM_KEY);
            platform.close();
        }
        if (openRouter != null) {
            openRouter.close();
        }
    }

    @Test
    void proUserCreatesAnApiKeyInTheConsoleAndCallsTheApiWithIt() {
        // given
        String email = newUser("PRO");
        browser.signIn(email, PASSWORD);

        // when
        browser.open("settings/api-keys");
        browser.click("new-api-key");
        browser.type("#apikey-name input", "journey script");
        browser.click("apikey-create");
        String secret = browser.value("#apikey-secret input");
        browser.click("apikey-copy");
        browser.click("apikey-done");

        // then the key is listed masked, and no longer in the page
        String masked = secret.substring(0, 8) + "…" + secret.substring(secret.length() - 4);
        browser.awaitVisible("#api-keys");
        browser.awaitPageSource(page -> page.contains(masked) && !page.contains(secret));
        assertThat(browser.pageSource()).contains("journey script").contains(masked).doesNotContain(secret);
        browser.screenshot("console-api-key-created");

        // when a program uses it
        ApiClient program = new ApiClient(apiPort, secret);
        HttpResponse<String> me = program.get("/api/v1/me");
        HttpResponse<String> created = program.post("/api/v1/prompts", "{\"name\":\"from-a-script\",\"tags\":[]}");

        // then
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains(email);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void proUserConfiguresTheirOwnKeyAndTheirNextRunIsBilledOnIt() {
        // given a PRO user with a prompt ready to run
        String email = newUser("PRO");
        ApiClient user = new ApiClient(apiPort, issueKey(userId(email)));
        assertThat(user.post("/api/v1/prompts", "{\"name\":\"mine\",\"tags\":[]}").statusCode()).isEqualTo(201);
        assertThat(user.post("/api/v1/prompts/mine/versions", """
                {"messages":[{"role":"user","content":"Hi"}],"model":"%s","commitMessage":"v1"}"""
                .formatted(FakeOpenRouter.PAID_MODEL)).statusCode()).isEqualTo(201);
        assertThat(user.post("/api/v1/prompts/mine/versions/1/promote", "").statusCode()).isEqualTo(200);
        browser.signIn(email, PASSWORD);
        browser.open("settings/byok");

        // when the key is tested
        browser.type("#byok-key input", USER_KEY);
        browser.click("byok-test");

        // then OpenRouter was asked about that key, and its answer is shown
        browser.awaitText("byok-check", "OpenRouter accepts this key (remaining credit: $17.50).");
        assertThat(openRouter.keyChecks()).contains("Bearer " + USER_KEY);

        // when it is saved
        browser.click("byok-save");

        // then only its last 4 characters are shown, and the key is nowhere in the page
        browser.awaitText("byok-status", "Key ending in …3210, last updated");
        assertThat(browser.pageSource()).doesNotContain(USER_KEY);
        browser.screenshot("console-byok-saved");

        // when the user runs their prompt from its run panel
        browser.open("prompts/mine/run");
        browser.awaitText("run-title", "mine");
        browser.click("run");

        // then OpenRouter got their key, and the panel says the run was billed on it
        browser.awaitText("run-status", "Succeeded");
        browser.awaitText("run-output", FakeOpenRouter.ANSWER);
        browser.awaitText("run-billing", "BYOK");
        assertThat(openRouter.authorizations()).contains("Bearer " + USER_KEY);

        // when they look for their BYOK runs in the history and open the one found
        browser.open("executions");
        browser.choose("executions-filter-billing", "BYOK");

        // then the run is listed as BYOK
        browser.awaitCell("executions", "mine");
        browser.awaitCell("executions", "BYOK");

        // when they open it
        browser.clickCell("executions", "mine");

        // then its page says it was paid with their own key, as the API does
        String address = browser.awaitAddress(browser.url("executions/"));
        String id = address.substring(address.lastIndexOf('/') + 1);
        browser.awaitText("execution-title", "mine");
        browser.awaitText("execution-billing", "BYOK — Paid with your own OpenRouter key");
        browser.awaitText("execution-channel", "Console");
        browser.screenshot("console-byok-run-in-history");
        HttpResponse<String> recorded = user.get("/api/v1/executions/" + id);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.body()).contains("\"billingType\":\"BYOK\"").contains("\"prompt\":\"mine\"")
                .contains("\"channel\":\"CONSOLE\"");
    }

    @Test
    void adminMovesAUserToProInTheConsole() {
        // given
        String email = newUser("FREE");
        String id = userId(email);
        browser.signIn(ADMIN_EMAIL, PASSWORD);
        browser.open("admin/users");

        // when
        browser.awaitText("users", ADMIN_EMAIL);
        browser.type("#users-search input", email);
        browser.awaitNoText("users", ADMIN_EMAIL);
        browser.click("edit-" + id);
        browser.choose("edit-user-plan", "Pro");
        browser.click("user-save");

        // then
        browser.awaitText("users", "Pro");
        browser.screenshot("console-admin-user-plan");
        HttpResponse<String> user = operator.get("/api/v1/admin/users/" + id);
        assertThat(user.body()).contains("\"plan\":\"PRO\"");
    }

    /** A new account with {@link #PASSWORD} on {@code plan}, made through the admin API; its e-mail. */
    private static String newUser(String plan) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> created = operator.post("/api/v1/admin/users", """
                {"email":"%s","password":"%s","displayName":"Journey %s","plan":"%s"}"""
                .formatted(email, PASSWORD, plan, plan));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return email;
    }

    private static String userId(String email) {
        return field(operator.get("/api/v1/admin/users?q=" + email).body(), "id");
    }

    private static String issueKey(String userId) {
        HttpResponse<String> key = operator.post("/api/v1/admin/users/" + userId + "/api-keys", "{\"name\":\"runs\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return field(key.body(), "key");
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static String randomMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void awaitCatalogue() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!operator.get("/api/v1/models").body().contains(FakeOpenRouter.PAID_MODEL)) {
            assertThat(System.nanoTime()).as("catalogue loaded from the fake OpenRouter").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
