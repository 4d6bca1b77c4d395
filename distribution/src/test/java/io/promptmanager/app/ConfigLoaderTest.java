package io.promptmanager.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the configuration gives the plugin host: the plugins subtree, with the documented environment overrides. */
class ConfigLoaderTest {
    private static final String KEY = "sk-or-v1-0123456789abcdef0123456789abcdef";

    @Test
    void passesEveryPluginsValueButTheFolderToThePluginHost(@TempDir Path home) throws IOException {
        Path file = config(home, """
                plugins:
                  dir: my-plugins
                  openrouter:
                    base-url: https://openrouter.example.test/api/v1
                    timeouts:
                      read: PT45S
                  acme:
                    enabled: false
                """);

        AppSettings settings = ConfigLoader.load(home, file, Map.of("OPENROUTER_API_KEY", KEY));

        assertThat(settings.pluginsDir()).isEqualTo(home.resolve("my-plugins"));
        assertThat(settings.pluginSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "openrouter.api-key", KEY,
                "openrouter.base-url", "https://openrouter.example.test/api/v1",
                "openrouter.timeouts.read", "PT45S",
                "acme.enabled", "false"));
        assertThat(settings.toString()).doesNotContain(KEY);
    }

    @Test
    void theEnvironmentOverridesTheOpenRouterBaseUrlOfTheFile(@TempDir Path home) throws IOException {
        Path file = config(home, """
                plugins:
                  openrouter:
                    base-url: https://openrouter.ai/api/v1
                """);

        AppSettings settings = ConfigLoader.load(home, file,
                Map.of("PM_OPENROUTER_BASE_URL", "http://127.0.0.1:9999/v1", "OPENROUTER_API_KEY", " "));

        assertThat(settings.pluginSettings()).containsExactly(Map.entry("openrouter.base-url", "http://127.0.0.1:9999/v1"));
        assertThat(settings.pluginsDir()).isEqualTo(home.resolve("plugins"));
    }

    @Test
    void theShippedConfigurationGivesThePluginsNoValueButTheirDefaults(@TempDir Path home) {
        Path shipped = Path.of("src/dist/conf/application.yaml").toAbsolutePath();

        AppSettings settings = ConfigLoader.load(home, shipped, Map.of());

        assertThat(settings.pluginSettings()).doesNotContainKey("dir")
                .allSatisfy((key, value) -> assertThat(key).startsWith("openrouter."));
        assertThat(settings.pluginSettings().getOrDefault("openrouter.api-key", "")).isEmpty();
    }

    private static Path config(Path home, String yaml) throws IOException {
        return Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("application.yaml"), yaml);
    }
}
