package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.plugins.openaiwire.testing.MapSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiSettingsTest {
    private static final String BASE = "http://localhost:11434/v1";

    @Test
    void needsOnlyABaseUrlAndModelsAndDefaultsTheRest() {
        // when
        OpenAiSettings settings = OpenAiSettings.from(new MapSettings(Map.of("base-url", BASE, "models", "llama3.2")));

        // then
        assertThat(settings.apiKeyIfAny()).isEmpty();
        assertThat(settings.baseUrl()).isEqualTo(URI.create(BASE));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.models()).containsExactly(new ModelInfo("llama3.2", "llama3.2", 0,
                new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, null), true));
    }

    @Test
    void readsEverySetting() {
        // when
        OpenAiSettings settings = OpenAiSettings.from(new MapSettings(Map.of(
                "api-key", " sk-proj-abc123 ", "base-url", "https://api.openai.com/v1/",
                "models", "gpt-4o-mini=0.00000015/0.0000006 , Qwen/Qwen2.5-7B-Instruct,llama3.2:3b=0/0,",
                "connect-timeout", "PT2S", "read-timeout", "PT30S")));

        // then
        assertThat(settings.apiKeyIfAny()).contains("sk-proj-abc123");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.models()).extracting(ModelInfo::id)
                .containsExactly("gpt-4o-mini", "Qwen/Qwen2.5-7B-Instruct", "llama3.2:3b");
        ModelInfo priced = settings.models().getFirst();
        assertThat(priced.pricing().prompt()).isEqualTo(new BigDecimal("0.00000015"));
        assertThat(priced.pricing().completion()).isEqualTo(new BigDecimal("0.0000006"));
        assertThat(priced.free()).isFalse();
        assertThat(settings.models()).extracting(ModelInfo::free).containsExactly(false, true, true);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "base-url|ftp://localhost:11434/v1",
            "base-url|localhost:11434/v1",
            "base-url|http://localhost:11434/v1?x=1",
            "base-url|http://user:pw@localhost:11434/v1",
            "models|' , '",
            "models|gpt-4o-mini=0.1",
            "models|gpt-4o-mini=0.1/-0.2",
            "models|gpt-4o-mini=free/0",
            "models|gpt 4o",
            "models|gpt-4o,gpt-4o",
            "connect-timeout|5s",
            "read-timeout|PT0S"})
    void refusesAnInvalidSettingNamingTheKey(String key, String value) {
        // given
        Map<String, String> values = new HashMap<>(Map.of("base-url", BASE, "models", "llama3.2"));
        values.put(key, value);

        // when
        PluginConfigurationException e = catchThrowableOfType(PluginConfigurationException.class,
                () -> OpenAiSettings.from(new MapSettings(values)));

        // then
        assertThat(e.key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"base-url", "models"})
    void requires(String key) {
        // given
        Map<String, String> values = new HashMap<>(Map.of("base-url", BASE, "models", "llama3.2"));
        values.remove(key);

        // when
        PluginConfigurationException e = catchThrowableOfType(PluginConfigurationException.class,
                () -> OpenAiSettings.from(new MapSettings(values)));

        // then
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.getMessage()).isEqualTo(key + " is required");
    }

    @Test
    void refusesAnUnsendableKeyWithoutShowingIt() {
        // when
        PluginConfigurationException e = catchThrowableOfType(PluginConfigurationException.class,
                () -> OpenAiSettings.from(new MapSettings(Map.of("base-url", BASE, "models", "m",
                        "api-key", "sk-proj-secret part"))));

        // then
        assertThat(e.key()).isEqualTo("api-key");
        assertThat(e.getMessage()).doesNotContain("secret");
    }

    @Test
    void neverShowsTheKeyInToString() {
        // when
        String text = OpenAiSettings.from(new MapSettings(Map.of("base-url", BASE, "models", "m",
                "api-key", "sk-proj-secret123"))).toString();

        // then
        assertThat(text).doesNotContain("sk-proj-secret123").contains("apiKey=configured");
    }
}
