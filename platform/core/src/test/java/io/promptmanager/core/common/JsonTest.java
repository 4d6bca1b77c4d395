package io.promptmanager.core.common;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class JsonTest {
    /** Public: JSON-B reads record components through public lookups only. */
    public record Point(int x, Double y) {
    }

    private static final Jsonb REFERENCE = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    @Test
    void writesVariablesExactlyAsJsonBWould() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("flag", true);
        nested.put("missing", null);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("name", "Ada \"the\" Countess\n\u0001é😀");
        variables.put("amount", new BigDecimal("1.50"));
        variables.put("big", new BigDecimal("1E+3"));
        variables.put("count", 3);
        variables.put("long", 12_345_678_901L);
        variables.put("huge", new BigInteger("123456789012345678901234567890"));
        variables.put("none", null);
        variables.put("list", Arrays.asList(1, null, "x", List.of(false)));
        variables.put("object", nested);
        variables.put("", "empty name");

        String written = Json.write(variables);

        assertThat(written).isEqualTo(REFERENCE.toJson(variables));
        assertThat(Json.read(written, Map.class)).containsKeys("name", "amount", "none", "object", "");
    }

    @Test
    void writesEmptyAndTopLevelCollections() {
        assertThat(Json.write(Map.of())).isEqualTo("{}");
        assertThat(Json.write(new ArrayList<>())).isEqualTo("[]");
        assertThat(Json.write(List.of("a", 1))).isEqualTo("[\"a\",1]");
    }

    @Test
    void handsValuesThatAreNotPlainJsonToJsonB() {
        Map<String, Object> mixed = new LinkedHashMap<>();
        mixed.put("point", new Point(1, null));
        mixed.put("ratio", 2.5d);
        Map<Object, Object> numericKeys = new LinkedHashMap<>();
        numericKeys.put(1, "one");

        assertThat(Json.write(mixed)).isEqualTo(REFERENCE.toJson(mixed)).contains("\"point\":{\"x\":1}");
        assertThat(Json.write(numericKeys)).isEqualTo(REFERENCE.toJson(numericKeys));
        assertThat(Json.write(new Point(2, 0.5))).isEqualTo("{\"x\":2,\"y\":0.5}");
        assertThat(Json.write(null)).isNull();
    }
}
