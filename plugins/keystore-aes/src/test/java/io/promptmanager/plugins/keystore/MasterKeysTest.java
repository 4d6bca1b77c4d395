package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.PluginConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MasterKeysTest {
    private static final String SHORT_KEY = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
    private static final String GOOD = Keys.randomKey();

    @ParameterizedTest
    @ValueSource(strings = {"not*base64*at*all", "k1:not*base64", "k1:SHORT", "k1:" + "SECRETVALUE", ","})
    void malformedMasterKeysFailTheStartNamingTheSettingButNeverTheValue(String value) {
        PluginConfigurationException failure = startFailure(value.replace("SHORT", SHORT_KEY)
                .replace("SECRETVALUE", "c2VjcmV0LXZhbHVl"));

        assertThat(failure.key()).isEqualTo("master-keys");
        assertThat(failure.getMessage()).startsWith("master-keys ")
                .doesNotContain("base64*at", SHORT_KEY, "c2VjcmV0LXZhbHVl", "not*base64");
    }

    @Test
    void rejectsAnInvalidOrRepeatedIdAndBareKeysAmongSeveral() {
        for (String value : new String[] {"bad id!:" + GOOD, "k1:" + GOOD + ",k1:" + Keys.randomKey(),
                GOOD + "," + "k2:" + Keys.randomKey(), "a-very-long-id-of-more-than-32-chars:" + GOOD}) {
            PluginConfigurationException failure = startFailure(value);

            assertThat(failure.key()).isEqualTo("master-keys");
            assertThat(failure.getMessage()).doesNotContain(GOOD);
        }
    }

    @Test
    void theLastListedKeyIsTheNewest() {
        MasterKeys keys = MasterKeys.parse(" old:" + GOOD + " ,\n new:" + Keys.randomKey(), "master-keys");

        assertThat(keys.newest().id()).isEqualTo("new");
        assertThat(keys.ids()).containsExactly("old", "new");
        assertThat(keys.find("old")).isPresent();
        assertThat(keys.newest().toString()).doesNotContain(GOOD);
    }

    @Test
    void withoutMasterKeysOrKeyFileTheStartFailsNamingMasterKeys() {
        PluginConfigurationException failure = catchThrowableOfType(PluginConfigurationException.class,
                () -> new AesGcmKeyStorage().start(new MapSettings(Map.of())));

        assertThat(failure.key()).isEqualTo("master-keys");
    }

    private static PluginConfigurationException startFailure(String masterKeys) {
        return catchThrowableOfType(PluginConfigurationException.class,
                () -> new AesGcmKeyStorage().start(new MapSettings(Map.of("master-keys", masterKeys))));
    }
}
