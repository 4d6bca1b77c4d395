package io.promptmanager.app;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.promptmanager.app.InstalledDistribution.env;
import static io.promptmanager.app.InstalledDistribution.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Providers beyond OpenRouter on the shipped zip: the bundled OpenAI-compatible plugin is off until
 * configured, then runs prompts; a third-party plugin written from docs/plugins.md alone (the echo
 * example, built with its own pom) is dropped into plugins/, configured, runs prompts, and is
 * switched off by configuration without being removed.
 */
class ThirdPartyPluginIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final String READY = "Prompt Manager is running";
    private static final String OPENAI_COMPATIBLE = "io.promptmanager.openai-compatible";
    private static final String ECHO = "example-echo";

    private static InstalledDistribution distribution;

    @BeforeAll
    static void install() throws Exception {
        distribution = InstalledDistribution.unzip();
        Path example = Path.of(System.getProperty("pm.example.plugin.zip"));
        Files.copy(example, distribution.home().resolve("plugins").resolve(example.getFileName()));
    }

    @Test
    void shipsTheOpenAiCompatiblePluginNotConfiguredAndTheExampleIsNotBundled() throws Exception {
        assertThat(distribution.home().resolve("plugins/openai-compatible-0.1.0.zip")).exists();
        String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
        int apiPort = freePort();

        try (RunningProcess process = distribution.launch(env("PM_DATA_DIR", Files.createTempDirectory("pm-data"),
                "PM_API_PORT", apiPort, "PM_CONSOLE_PORT", freePort(), "PM_ADMIN_API_KEY", operatorKey))) {
            process.awaitOutput(READY, START);
            String plugins = new ApiClient(apiPort, operatorKey).get("/api/v1/admin/plugins").body();
            process.stop(Duration.ofSeconds(60));

            JsonObject openAi = plugin(plugins, OPENAI_COMPATIBLE);
            assertThat(openAi.getString("state")).isEqualTo("NOT_CONFIGURED");
            assertThat(openAi.getJsonObject("configuration").toString())
                    .isEqualTo("{\"missing\":[\"plugins.openai-compatible.base-url\"],\"set\":[]}");
            assertThat(process.stderr()).contains("Plugin io.promptmanager.openai-compatible 0.1.0 is installed but not "
                    + "configured, so not started: plugins.openai-compatible.base-url is required");
            assertThat(process.stderr()).doesNotContain("WARNING [io.promptmanager.core.plugin.PluginHost] Plugin "
                    + "io.promptmanager.openai-compatible");
            // the example is not configured in this run either: it only ever comes from the test's copy
            assertThat(plugin(plugins, ECHO).getString("state")).isEqualTo("NOT_CONFIGURED");
        }
    }

    @Test
    void runsPromptsOnBothProvidersAndADisabledPluginStaysInstalledButServesNothing() throws Exception {
        String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
        int apiPort = freePort();
        Path data = Files.createTempDirectory("pm-data");
        try (FakeModelServers upstreams = new FakeModelServers()) {
            Map<String, String> configured = env("PM_DATA_DIR", data, "PM_API_PORT", apiPort,
                    "PM_CONSOLE_PORT", freePort(), "PM_ADMIN_API_KEY", operatorKey,
                    "JAVA_OPTS", "-Dplugins.example-echo.base-url=" + upstreams.baseUrl(),
                    "PM_OPENAI_COMPATIBLE_BASE_URL", upstreams.baseUrl() + "/v1",
                    "PM_OPENAI_COMPATIBLE_MODELS", "llama3.2");

            try (RunningProcess process = distribution.launch(configured)) {
                process.awaitOutput(READY, START);
                ApiClient api = new ApiClient(apiPort, operatorKey);
                String plugins = api.get("/api/v1/admin/plugins").body();
                JsonObject echo = plugin(plugins, ECHO);
                assertThat(echo.getString("state")).as(echo.toString()).isEqualTo("STARTED");
                assertThat(echo.getString("version")).isEqualTo("1.0.0");
                assertThat(echo.getJsonArray("extensionPoints").toString())
                        .isEqualTo("[\"io.promptmanager.plugin.model.ModelProvider\"]");
                assertThat(echo.getJsonObject("configuration").getJsonArray("set").toString())
                        .isEqualTo("[\"plugins.example-echo.base-url\"]");
                assertThat(plugin(plugins, OPENAI_COMPATIBLE).getString("state")).isEqualTo("STARTED");
                assertThat(api.get("/api/v1/models?provider=echo").body()).contains("\"id\":\"echo-1\"", "\"free\":true");
                assertThat(api.get("/api/v1/models?provider=openai-compatible").body()).contains("\"id\":\"llama3.2\"");

                assertThat(api.post("/api/v1/prompts", "{\"name\":\"hello\"}").statusCode()).isEqualTo(201);
                HttpResponse<String> onEcho = api.post("/api/v1/prompts/hello/versions", """
                        {"messages":[{"role":"user","content":"Hello {{name}}"}],
                         "variables":[{"name":"name","type":"string","required":true}],"model":"echo-1"}""");
                assertThat(onEcho.body()).contains("\"provider\":\"echo\"");
                HttpResponse<String> onLocal = api.post("/api/v1/prompts/hello/versions", """
                        {"messages":[{"role":"user","content":"Hello {{name}}"}],
                         "variables":[{"name":"name","type":"string","required":true}],
                         "provider":"openai-compatible","model":"llama3.2"}""");
                assertThat(onLocal.statusCode()).as(onLocal.body()).isEqualTo(201);
                api.post("/api/v1/prompts/hello/versions/1/promote", "");

                HttpResponse<String> echoed = api.post("/api/v1/prompts/hello/executions", "{\"variables\":{\"name\":\"Ada\"}}");
                HttpResponse<String> local = api.post("/api/v1/prompts/hello/executions",
                        "{\"variables\":{\"name\":\"Ada\"},\"version\":2}");
                process.stop(Duration.ofSeconds(60));

                assertThat(echoed.statusCode()).as(echoed.body()).isEqualTo(201);
                assertThat(echoed.body()).contains("\"output\":\"Echo: Hello Ada\"", "\"provider\":\"echo\"",
                        "\"billingType\":\"SYSTEM\"");
                assertThat(upstreams.echoed()).containsExactly("Hello Ada");
                assertThat(local.statusCode()).as(local.body()).isEqualTo(201);
                assertThat(local.body()).contains("\"output\":\"" + FakeModelServers.OPENAI_ANSWER + "\"",
                        "\"provider\":\"openai-compatible\"");
            }

            Map<String, String> disabled = new HashMap<>(configured);
            disabled.put("JAVA_OPTS", configured.get("JAVA_OPTS") + " -Dplugins.example-echo.enabled=false");
            try (RunningProcess process = distribution.launch(disabled)) {
                process.awaitOutput(READY, START);
                ApiClient api = new ApiClient(apiPort, operatorKey);
                String plugins = api.get("/api/v1/admin/plugins").body();
                String models = api.get("/api/v1/models").body();
                HttpResponse<String> run = api.post("/api/v1/prompts/hello/executions", "{\"variables\":{\"name\":\"Ada\"}}");
                process.stop(Duration.ofSeconds(60));

                JsonObject echo = plugin(plugins, ECHO);
                assertThat(echo.getString("state")).isEqualTo("DISABLED");
                assertThat(echo.getBoolean("enabled")).isFalse();
                assertThat(models).doesNotContain("echo-1").contains("llama3.2");
                assertThat(run.statusCode()).isEqualTo(400);
                assertThat(run.body()).contains("unknown provider 'echo'; installed: ");
                assertThat(process.stderr()).contains("Plugin example-echo 1.0.0 is disabled by plugins.example-echo.enabled: false");
                assertThat(distribution.home().resolve("plugins/echo-provider-1.0.0.zip")).exists();
            }
        }
    }

    /** One plugin of the admin listing, by id. */
    private static JsonObject plugin(String listing, String id) {
        try (JsonReader reader = Json.createReader(new StringReader(listing))) {
            return reader.readObject().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(p -> p.getString("id").equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no plugin " + id + " in " + listing));
        }
    }
}
