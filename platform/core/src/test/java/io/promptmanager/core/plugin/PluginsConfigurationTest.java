package io.promptmanager.core.plugin;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a plugin finds its own settings in the flattened {@code plugins.*} configuration. */
class PluginsConfigurationTest {
    private static final PluginsConfiguration CONFIGURATION = new PluginsConfiguration(Map.of(
            "openrouter.api-key", "sk-or-secret-value",
            "openrouter.timeouts.read", "PT45S",
            "openrouter.blank", "   ",
            "openrouters.api-key", "a sibling's key",
            "com.acme.llm.region", "eu",
            "acme.enabled", "False",
            "odd.enabled", "maybe"));

    @Test
    void aPluginSeesItsOwnSubtreeWithRelativeKeysAndNothingElse() {
        SubtreeSettings settings = CONFIGURATION.settingsOf("io.promptmanager.openrouter");

        assertThat(settings.get("api-key")).hasValue("sk-or-secret-value");
        assertThat(settings.get("timeouts.read")).hasValue("PT45S");
        assertThat(settings.get("openrouter.api-key")).isEmpty();
        assertThat(settings.get("s.api-key")).isEmpty();
        assertThat(settings.values()).containsExactlyInAnyOrder("sk-or-secret-value", "PT45S", "   ");
    }

    @Test
    void aBlankValueCountsAsNotSet() {
        assertThat(CONFIGURATION.settingsOf("io.promptmanager.openrouter").get("blank")).isEmpty();
    }

    @Test
    void anotherVendorsPluginUsesItsWholeId() {
        assertThat(PluginsConfiguration.shortId("io.promptmanager.openrouter")).isEqualTo("openrouter");
        assertThat(PluginsConfiguration.shortId("com.acme.llm")).isEqualTo("com.acme.llm");
        assertThat(CONFIGURATION.settingsOf("com.acme.llm").get("region")).hasValue("eu");
    }

    @Test
    void toStringNamesTheKeysNeverTheValues() {
        assertThat(CONFIGURATION.settingsOf("io.promptmanager.openrouter").toString())
                .contains("plugins.openrouter.", "api-key", "timeouts.read").doesNotContain("sk-or-secret-value");
    }

    @Test
    void enabledUnlessSetToFalseAndAnythingElseIsAProblem() {
        assertThat(CONFIGURATION.enabled("io.promptmanager.openrouter")).isTrue();
        assertThat(CONFIGURATION.enabled("io.promptmanager.acme")).isFalse();
        assertThat(CONFIGURATION.enabledProblem("io.promptmanager.acme")).isEmpty();
        assertThat(CONFIGURATION.enabledProblem("io.promptmanager.odd")).hasValue("plugins.odd.enabled must be true or false");
    }
}
