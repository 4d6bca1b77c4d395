package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugins.openaiwire.testing.MapSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenRouterSettingsTest {

    @Test
    void defaultsToThePublicApiWithoutASystemKey() {
        // when
        OpenRouterSettings settings = OpenRouterSettings.from(new MapSettings(Map.of()));

        // then
        assertThat(settings.systemKeyIfAny()).isEmpty();
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://openrouter.ai/api/v1"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.catalogueRefresh()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.maxRetries()).isEqualTo(2);
        assertThat(settings.appUrl()).isEqualTo("https://promptmanager.io");
        assertThat(settings.appTitle()).isEqualTo("Prompt Manager");
    }

    @Test
    void readsEverySetting() {
        // when
        OpenRouterSettings settings = OpenRouterSettings.from(new MapSettings(Map.of(
                "api-key", " sk-or-v1-abc123 ", "base-url", "http://gateway.internal:8080/openrouter/v1/",
                "connect-timeout", "PT2S", "read-timeout", "PT30S", "catalogue-refresh", "PT1H",
                "max-retries", "0", "app-url", "https://prompts.example.com", "app-title", "Acme Prompts")));

        // then
        assertThat(settings.systemKeyIfAny()).contains("sk-or-v1-abc123");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://gateway.internal:8080/openrouter/v1"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.catalogueRefresh()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.maxRetries()).isZero();
        assertThat(settings.appUrl()).isEqualTo("https://prompts.example.com");
        assertThat(settings.appTitle()).isEqualTo("Acme Prompts");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "base-url|ftp://openrouter.ai/api/v1",
            "base-url|openrouter.ai/api/v1",
            "base-url|https://openrouter.ai/api/v1?x=1",
            "base-url|https://user:pw@openrouter.ai/api/v1",
            "connect-timeout|5s",
            "read-timeout|PT0S",
            "catalogue-refresh|-PT1M",
            "max-retries|11",
            "max-retries|two",
            "app-url|not a url",
            "app-title|Prompt\tManager"})
    void refusesAnInvalidSettingNamingTheKey(String key, String value) {
        // when
        PluginConfigurationException e = catchThrowableOfType(PluginConfigurationException.class,
                () -> OpenRouterSettings.from(new MapSettings(Map.of(key, value))));

        // then
        assertThat(e.key()).isEqualTo(key);
    }

    @Test
    void refusesAnUnsendableSystemKeyWithoutShowingIt() {
        // when
        PluginConfigurationException e = catchThrowableOfType(PluginConfigurationException.class,
                () -> OpenRouterSettings.from(new MapSettings(Map.of("api-key", "sk-or-v1-secret part"))));

        // then
        assertThat(e.key()).isEqualTo("api-key");
        assertThat(e.getMessage()).doesNotContain("secret");
    }

    @Test
    void neverShowsTheSystemKeyInToString() {
        // when
        String text = OpenRouterSettings.from(new MapSettings(Map.of("api-key", "sk-or-v1-secret123"))).toString();

        // then
        assertThat(text).doesNotContain("sk-or-v1-secret123").contains("systemKey=configured");
    }
}
