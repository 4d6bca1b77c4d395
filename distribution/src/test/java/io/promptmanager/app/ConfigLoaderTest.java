package io.promptmanager.app;

import io.promptmanager.core.billing.BillingSettings;
import io.promptmanager.core.common.Money;
import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.plan.PlanSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                "acme.enabled", "false",
                "keystore-aes.key-file", home.resolve("data/secrets/master-keys").toString()));
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

        assertThat(settings.pluginSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "openrouter.base-url", "http://127.0.0.1:9999/v1",
                "keystore-aes.key-file", home.resolve("data/secrets/master-keys").toString()));
        assertThat(settings.pluginsDir()).isEqualTo(home.resolve("plugins"));
    }

    @Test
    void theShippedConfigurationGivesThePluginsNoValueButTheirDefaults(@TempDir Path home) {
        Path shipped = Path.of("src/dist/conf/application.yaml").toAbsolutePath();

        AppSettings settings = ConfigLoader.load(home, shipped, Map.of());

        assertThat(settings.pluginSettings()).doesNotContainKey("dir")
                .allSatisfy((key, value) -> assertThat(key).matches("(openrouter|openai-compatible|keystore-aes|stripe)\\..+"));
        assertThat(settings.pluginSettings().getOrDefault("openrouter.api-key", "")).isEmpty();
        assertThat(settings.pluginSettings()).as("the OpenAI-compatible plugin ships unconfigured")
                .containsKeys("openai-compatible.base-url", "openai-compatible.models")
                .allSatisfy((key, value) -> {
                    if (key.startsWith("openai-compatible.")) {
                        assertThat(value).isBlank();
                    }
                });
        assertThat(settings.pluginSettings().getOrDefault("keystore-aes.master-keys", "")).isEmpty();
        assertThat(settings.pluginSettings()).containsEntry("keystore-aes.key-file",
                home.resolve("data/secrets/master-keys").toString());
    }

    @Test
    void theOpenAiCompatibleEnvironmentVariablesConfigureThatPlugin(@TempDir Path home) {
        Path shipped = Path.of("src/dist/conf/application.yaml").toAbsolutePath();

        AppSettings settings = ConfigLoader.load(home, shipped, Map.of(
                "PM_OPENAI_COMPATIBLE_BASE_URL", "http://localhost:11434/v1",
                "PM_OPENAI_COMPATIBLE_API_KEY", "sk-local-0123456789",
                "PM_OPENAI_COMPATIBLE_MODELS", "llama3.2, qwen2.5:7b"));

        assertThat(settings.pluginSettings())
                .containsEntry("openai-compatible.base-url", "http://localhost:11434/v1")
                .containsEntry("openai-compatible.api-key", "sk-local-0123456789")
                .containsEntry("openai-compatible.models", "llama3.2, qwen2.5:7b");
        assertThat(settings.toString()).doesNotContain("sk-local-0123456789");
    }

    @Test
    void pmMasterKeyBecomesTheKeyStoragesMasterKeysAndTheKeyFileFollowsTheDataFolder(@TempDir Path home)
            throws IOException {
        String masterKeys = "k1:" + "A".repeat(43) + "=,k2:" + "B".repeat(43) + "=";
        Path file = config(home, """
                data-dir: /var/lib/prompt-manager
                """);

        AppSettings settings = ConfigLoader.load(home, file, Map.of("PM_MASTER_KEY", masterKeys));

        assertThat(settings.pluginSettings())
                .containsEntry("keystore-aes.master-keys", masterKeys)
                .containsEntry("keystore-aes.key-file", Path.of("/var/lib/prompt-manager/secrets/master-keys").toString());
        assertThat(settings.toString()).doesNotContain("AAAAAAAA", "BBBBBBBB");
    }

    @Test
    void aConfiguredKeyFileIsKeptAndResolvedAgainstTheInstallationFolder(@TempDir Path home) throws IOException {
        Path file = config(home, """
                plugins:
                  keystore-aes:
                    key-file: secrets/keys.txt
                """);

        AppSettings settings = ConfigLoader.load(home, file, Map.of());

        assertThat(settings.pluginSettings()).containsEntry("keystore-aes.key-file",
                home.resolve("secrets/keys.txt").toString());
    }

    private static Path config(Path home, String yaml) throws IOException {
        return Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("application.yaml"), yaml);
    }

    @Test
    void readsTheBillingSettingsAndTheProPrices(@TempDir Path home) throws IOException {
        Path file = config(home, """
                console:
                  port: 9091
                plans:
                  pro:
                    monthly-price: 900
                    yearly-price: 9000
                    currency: eur
                billing:
                  grace-period: P3D
                """);

        AppSettings settings = ConfigLoader.load(home, file, Map.of());

        assertThat(settings.plans().proMonthlyPrice()).isEqualTo(Money.of(900, "eur"));
        assertThat(settings.plans().proYearlyPrice()).isEqualTo(Money.of(9000, "eur"));
        assertThat(settings.billing().gracePeriod()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.billing().consolePublicUrl()).hasToString("http://localhost:9091");
    }

    @Test
    void theShippedConfigurationChargesSevenDollarsAMonthWithSevenDaysOfGrace(@TempDir Path home) {
        AppSettings settings = ConfigLoader.load(home, Path.of("src/dist/conf/application.yaml").toAbsolutePath(),
                Map.of());

        assertThat(settings.plans()).isEqualTo(PlanSettings.defaults());
        assertThat(settings.billing()).isEqualTo(BillingSettings.defaults());
    }

    @Test
    void aConsolePublicUrlThatIsNotAWebAddressStopsTheStart(@TempDir Path home) throws IOException {
        Path file = config(home, """
                console:
                  public-url: prompts.example.com
                """);

        assertThatThrownBy(() -> ConfigLoader.load(home, file, Map.of()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("console.public-url");
    }
}
