package io.promptmanager.core.execution;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTextTest {

    @Test
    void keepsAnOutputWithinTheCapWhole() {
        assertThat(StoredText.output("short")).isEqualTo(new StoredText.Capped("short", false));
    }

    @Test
    void cutsALongOutputToTheCapOnACharacterBoundary() {
        String output = "é".repeat(StoredText.MAX_BYTES); // two bytes each

        StoredText.Capped stored = StoredText.output(output);

        assertThat(stored.truncated()).isTrue();
        assertThat(stored.text().getBytes(StandardCharsets.UTF_8)).hasSize(StoredText.MAX_BYTES);
        assertThat(stored.text()).isEqualTo("é".repeat(StoredText.MAX_BYTES / 2));
    }

    @Test
    void replacesNulCharactersThatPostgresqlCannotStore() {
        assertThat(StoredText.output("a\0b").text()).isEqualTo("a\uFFFDb");
        assertThat(StoredText.variables(Map.of("text", "x\0y")).text()).isEqualTo("{\"text\":\"x\uFFFDy\"}");
    }

    @Test
    void shortensLongVariableValuesWhenTheirJsonIsOverTheCap() {
        StoredText.Capped stored = StoredText.variables(Map.of("text", "z".repeat(100_000), "n", 3));

        assertThat(stored.truncated()).isTrue();
        assertThat(stored.text()).contains("\"n\":3").contains("z".repeat(StoredText.MAX_VARIABLE_BYTES))
                .doesNotContain("z".repeat(StoredText.MAX_VARIABLE_BYTES + 1));
    }
}
