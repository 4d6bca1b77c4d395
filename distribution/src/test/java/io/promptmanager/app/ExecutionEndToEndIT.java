package io.promptmanager.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import static io.promptmanager.app.InstalledDistribution.env;
import static io.promptmanager.app.InstalledDistribution.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path of a run on the shipped zip: the bundled OpenRouter plugin, pointed at a local
 * fake OpenRouter through PM_OPENROUTER_BASE_URL, runs a promoted version through the API and
 * the execution is recorded with the provider's cost.
 */
class ExecutionEndToEndIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final String SYSTEM_KEY = "sk-or-v1-" + "0123456789abcdef".repeat(4);

    private static InstalledDistribution distribution;

    @BeforeAll
    static void install() {
        distribution = InstalledDistribution.unzip();
    }

    @Test
    void runsAPromotedPromptThroughTheBundledOpenRouterPluginAndRecordsItsCost() throws Exception {
        String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
        int apiPort = freePort();
        try (FakeOpenRouter openRouter = new FakeOpenRouter();
             RunningProcess platform = distribution.launch(env(
                     "PM_DATA_DIR", Files.createTempDirectory("pm-data"), "PM_API_PORT", apiPort,
                     "PM_CONSOLE_PORT", freePort(), "PM_ADMIN_API_KEY", operatorKey,
                     "PM_OPENROUTER_BASE_URL", openRouter.baseUrl(), "OPENROUTER_API_KEY", SYSTEM_KEY))) {
            platform.awaitOutput("Prompt Manager is running", START);
            ApiClient api = new ApiClient(apiPort, operatorKey);
            awaitCatalogue(api);

            assertThat(api.post("/api/v1/prompts", """
                    {"name":"welcome","description":"greets","tags":[]}""").statusCode()).isEqualTo(201);
            HttpResponse<String> version = api.post("/api/v1/prompts/welcome/versions", """
                    {"messages":[{"role":"user","content":"Welcome {{name}}."}],
                     "variables":[{"name":"name","type":"string","required":true}],
                     "model":"%s","parameters":{"temperature":0.2},"commitMessage":"first"}"""
                    .formatted(FakeOpenRouter.PAID_MODEL));
            assertThat(version.statusCode()).as(version.body()).isEqualTo(201);
            assertThat(api.post("/api/v1/prompts/welcome/versions/1/promote", "").statusCode()).isEqualTo(200);

            HttpResponse<String> run = api.post("/api/v1/prompts/welcome/executions", """
                    {"variables":{"name":"Ada"}}""");

            assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
            assertThat(run.body()).contains("\"output\":\"" + FakeOpenRouter.ANSWER + "\"",
                    "\"cost\":\"" + FakeOpenRouter.COST + "\"", "\"costSource\":\"PROVIDER\"",
                    "\"billingType\":\"SYSTEM\"", "\"promptTokens\":42", "\"completionTokens\":7");
            assertThat(openRouter.authorizations()).containsExactly("Bearer " + SYSTEM_KEY);
            HttpResponse<String> history = api.get("/api/v1/executions");
            assertThat(history.body()).contains("\"cost\":\"" + FakeOpenRouter.COST + "\"", "\"status\":\"SUCCEEDED\"");

            platform.stop(Duration.ofSeconds(60));
            assertThat(platform.stdout() + platform.stderr()).doesNotContain(SYSTEM_KEY).doesNotContain(operatorKey);
        }
    }

    @Test
    void runsOnTheUsersOwnSealedKeyAndRefusesToStartWithMasterKeysThatCannotOpenIt() throws Exception {
        String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
        String userKey = "sk-or-v1-" + "fedcba9876543210".repeat(4);
        String data = Files.createTempDirectory("pm-data").toString();
        int apiPort = freePort();
        try (FakeOpenRouter openRouter = new FakeOpenRouter()) {
            var environment = env("PM_DATA_DIR", data, "PM_API_PORT", apiPort, "PM_CONSOLE_PORT", freePort(),
                    "PM_ADMIN_API_KEY", operatorKey, "PM_OPENROUTER_BASE_URL", openRouter.baseUrl(),
                    "OPENROUTER_API_KEY", SYSTEM_KEY, "PM_MASTER_KEY", "k1:" + randomMasterKey());
            try (RunningProcess platform = distribution.launch(environment)) {
                platform.awaitOutput("Prompt Manager is running", START);
                ApiClient api = new ApiClient(apiPort, operatorKey);
                awaitCatalogue(api);
                assertThat(api.put("/api/v1/byok", "{\"key\":\"" + userKey + "\"}").statusCode()).isEqualTo(200);
                assertThat(api.get("/api/v1/byok").body()).contains("\"last4\":\"3210\"").doesNotContain(userKey);
                api.post("/api/v1/prompts", "{\"name\":\"mine\",\"tags\":[]}");
                api.post("/api/v1/prompts/mine/versions", """
                        {"messages":[{"role":"user","content":"Hi"}],"model":"%s","commitMessage":"v1"}"""
                        .formatted(FakeOpenRouter.PAID_MODEL));
                api.post("/api/v1/prompts/mine/versions/1/promote", "");

                HttpResponse<String> run = api.post("/api/v1/prompts/mine/executions", "{}");

                assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
                assertThat(run.body()).contains("\"billingType\":\"BYOK\"");
                assertThat(openRouter.authorizations()).containsExactly("Bearer " + userKey);
                platform.stop(Duration.ofSeconds(60));
                assertThat(platform.stdout() + platform.stderr()).doesNotContain(userKey);
            }

            environment.put("PM_MASTER_KEY", "k2:" + randomMasterKey());
            try (RunningProcess restarted = distribution.launch(environment)) {
                assertThat(restarted.awaitExit(START)).isEqualTo(1);
                assertThat(restarted.stderr()).contains("Prompt Manager could not start: The configured master keys")
                        .doesNotContain(userKey);
            }
        }
    }

    @Test
    void twoUsersRunningAtTheSameMomentEachReachOpenRouterWithTheirOwnKey() throws Exception {
        String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
        int apiPort = freePort();
        int runsEach = 10;
        try (FakeOpenRouter openRouter = new FakeOpenRouter();
             RunningProcess platform = distribution.launch(env(
                     "PM_DATA_DIR", Files.createTempDirectory("pm-data"), "PM_API_PORT", apiPort,
                     "PM_CONSOLE_PORT", freePort(), "PM_ADMIN_API_KEY", operatorKey,
                     "PM_OPENROUTER_BASE_URL", openRouter.baseUrl(), "OPENROUTER_API_KEY", SYSTEM_KEY))) {
            platform.awaitOutput("Prompt Manager is running", START);
            ApiClient admin = new ApiClient(apiPort, operatorKey);
            awaitCatalogue(admin);
            ApiClient ada = proUserWithOwnKey(admin, apiPort, "ada", "a");
            ApiClient bob = proUserWithOwnKey(admin, apiPort, "bob", "b");

            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2 * runsEach)) {
                var runs = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
                for (int i = 0; i < runsEach; i++) {
                    runs.add(pool.submit(() -> ada.post("/api/v1/prompts/mine/executions", "{}").statusCode()));
                    runs.add(pool.submit(() -> bob.post("/api/v1/prompts/mine/executions", "{}").statusCode()));
                }
                for (var run : runs) {
                    assertThat(run.get()).isEqualTo(201);
                }
            }

            assertThat(openRouter.authorizations()).hasSize(2 * runsEach)
                    .filteredOn(("Bearer " + userKey("a"))::equals).hasSize(runsEach);
            assertThat(openRouter.authorizations())
                    .filteredOn(("Bearer " + userKey("b"))::equals).hasSize(runsEach);
        }
    }

    private static ApiClient proUserWithOwnKey(ApiClient admin, int apiPort, String name, String keyDigit) {
        HttpResponse<String> user = admin.post("/api/v1/admin/users", """
                {"email":"%s@example.com","password":"correct horse battery","displayName":"%s","plan":"PRO"}"""
                .formatted(name, name));
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        String id = field(user.body(), "id");
        HttpResponse<String> key = admin.post("/api/v1/admin/users/" + id + "/api-keys", "{\"name\":\"e2e\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        ApiClient client = new ApiClient(apiPort, field(key.body(), "key"));
        assertThat(client.put("/api/v1/byok", "{\"key\":\"" + userKey(keyDigit) + "\"}").statusCode()).isEqualTo(200);
        client.post("/api/v1/prompts", "{\"name\":\"mine\",\"tags\":[]}");
        client.post("/api/v1/prompts/mine/versions", """
                {"messages":[{"role":"user","content":"Hi"}],"model":"%s","commitMessage":"v1"}"""
                .formatted(FakeOpenRouter.PAID_MODEL));
        assertThat(client.post("/api/v1/prompts/mine/versions/1/promote", "").statusCode()).isEqualTo(200);
        return client;
    }

    private static String userKey(String hexDigit) {
        return "sk-or-v1-" + hexDigit.repeat(64);
    }

    private static String field(String json, String name) {
        var matcher = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static String randomMasterKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static void awaitCatalogue(ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!api.get("/api/v1/models").body().contains(FakeOpenRouter.PAID_MODEL)) {
            assertThat(System.nanoTime()).as("catalogue loaded from the fake OpenRouter").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
