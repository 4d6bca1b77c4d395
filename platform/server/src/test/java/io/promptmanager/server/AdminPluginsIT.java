package io.promptmanager.server;

import io.promptmanager.core.plugin.PluginHost;
import io.promptmanager.core.testing.PluginZip;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.RunningApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API over a real plugin host: a plugin zip built at test time provides the models of
 * {@code /api/v1/models}, and {@code /api/v1/admin/plugins} shows it beside a broken and an
 * incompatible one, without ever showing a setting value.
 */
class AdminPluginsIT {
    private static final String SECRET = "sk-acme-0123456789abcdef";

    @TempDir
    static Path plugins;
    private static PluginHost host;
    private static RunningApi api;

    @BeforeAll
    static void start() throws IOException {
        PluginZip.plugin("io.promptmanager.acme").version("2.1.0")
                .provider("test.acme.AcmeProvider", "acme", """
                        settings.require("api-key");
                        models = List.of(
                            new ModelInfo("acme/fast:free", "Acme Fast", 4096,
                                new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, null), true),
                            new ModelInfo("acme/smart", "Acme Smart", 200000,
                                new ModelPricing(new BigDecimal("0.000003"), new BigDecimal("0.000015"),
                                    new BigDecimal("0.001")), false));
                        """).writeTo(plugins);
        PluginZip.plugin("io.promptmanager.later").requires(">=9.0.0")
                .provider("test.later.LaterProvider", "later", "").writeTo(plugins);
        PluginZip.plugin("io.promptmanager.waiting")
                .provider("test.waiting.WaitingProvider", "waiting", "settings.require(\"base-url\");").writeTo(plugins);
        PluginZip.plugin("io.promptmanager.resting")
                .provider("test.resting.RestingProvider", "resting", """
                        models = List.of(new ModelInfo("resting/model", "Resting", 0,
                            new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, null), true));
                        """).writeTo(plugins);
        Files.write(plugins.resolve("garbage-1.0.zip"), new byte[]{1, 2, 3});
        host = PluginHost.start(plugins, Map.of("acme.api-key", SECRET, "acme.region", "",
                "resting.enabled", "false", "resting.token", SECRET));
        api = RunningApi.start(TestPlatform.start(host));
    }

    @AfterAll
    static void stop() {
        api.close();
        host.close();
    }

    @Test
    void listsEveryPluginWithStateExtensionPointsAndErrorButNoSettingValue() {
        ApiResponse response = api.as(api.accounts().admin()).get("/api/v1/admin/plugins");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, JsonObject> byId = response.items().stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(p -> p.getString("id"), Function.identity()));
        assertThat(byId).containsOnlyKeys("garbage-1.0.zip", "io.promptmanager.acme", "io.promptmanager.later",
                "io.promptmanager.resting", "io.promptmanager.waiting");
        JsonObject acme = byId.get("io.promptmanager.acme");
        assertThat(acme.getString("version")).isEqualTo("2.1.0");
        assertThat(acme.getString("state")).isEqualTo("STARTED");
        assertThat(acme.getJsonArray("extensionPoints").getString(0))
                .isEqualTo("io.promptmanager.plugin.model.ModelProvider");
        assertThat(acme.get("error")).isEqualTo(JsonValue.NULL);
        assertThat(acme.getBoolean("enabled")).isTrue();
        assertThat(acme.getJsonObject("configuration").toString())
                .isEqualTo("{\"missing\":[],\"set\":[\"plugins.acme.api-key\"]}");
        assertThat(byId.get("io.promptmanager.later").getString("state")).isEqualTo("INCOMPATIBLE");
        assertThat(byId.get("io.promptmanager.later").getString("error")).contains(">=9.0.0");
        assertThat(byId.get("garbage-1.0.zip").getString("state")).isEqualTo("FAILED");
        assertThat(byId.get("garbage-1.0.zip").get("version")).isEqualTo(JsonValue.NULL);
        assertThat(response.body()).doesNotContain(SECRET);
    }

    @Test
    void showsAPluginNobodyConfiguredAsNotConfiguredNamingTheSettingItNeeds() {
        ApiResponse response = api.as(api.accounts().admin()).get("/api/v1/admin/plugins");

        JsonObject waiting = plugin(response, "io.promptmanager.waiting");
        assertThat(waiting.getString("state")).isEqualTo("NOT_CONFIGURED");
        assertThat(waiting.getBoolean("enabled")).isTrue();
        assertThat(waiting.getString("error")).isEqualTo("invalid configuration: plugins.waiting.base-url is required");
        assertThat(waiting.getJsonObject("configuration").toString())
                .isEqualTo("{\"missing\":[\"plugins.waiting.base-url\"],\"set\":[]}");
    }

    @Test
    void keepsADisabledPluginListedButServesNothingOfIt() {
        ApiResponse plugins = api.as(api.accounts().admin()).get("/api/v1/admin/plugins");
        ApiResponse models = api.as(api.accounts().admin()).get("/api/v1/models");

        JsonObject resting = plugin(plugins, "io.promptmanager.resting");
        assertThat(resting.getString("state")).isEqualTo("DISABLED");
        assertThat(resting.getBoolean("enabled")).isFalse();
        assertThat(resting.getJsonArray("extensionPoints")).hasSize(1);
        assertThat(resting.getJsonObject("configuration").getJsonArray("set").toString())
                .isEqualTo("[\"plugins.resting.enabled\",\"plugins.resting.token\"]");
        assertThat(models.body()).doesNotContain("resting/model");
    }

    private static JsonObject plugin(ApiResponse response, String id) {
        return response.items().stream().map(JsonValue::asJsonObject).filter(p -> p.getString("id").equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void isForAdministratorsOnly() {
        ApiResponse response = api.as(api.accounts().pro()).get("/api/v1/admin/plugins");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void servesTheModelsOfTheLoadedPlugin() {
        ApiResponse response = api.as(api.accounts().pro()).get("/api/v1/models");

        assertThat(response.items().stream().map(m -> m.asJsonObject().getString("id")))
                .containsExactly("acme/fast:free", "acme/smart");
        JsonObject smart = response.items().getJsonObject(1);
        assertThat(smart.getString("provider")).isEqualTo("acme");
        assertThat(smart.getJsonObject("pricing").getString("request")).isEqualTo("0.001");
        assertThat(response.items().getJsonObject(0).getJsonObject("pricing").get("request")).isEqualTo(JsonValue.NULL);
    }
}
