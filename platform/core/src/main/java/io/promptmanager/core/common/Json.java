package io.promptmanager.core.common;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerationException;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.StringWriter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The one JSON-B instance core uses to store structured columns (jsonb) and audit states. Plain
 * JSON values — maps, lists, strings, numbers, booleans and null, such as a run's variables —
 * are written by a JSON-P generator straight away, with the same output as JSON-B and without
 * its per-call type introspection (a run stores its variables on every execution).
 */
public final class Json {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    private static final JsonGeneratorFactory GENERATORS = JsonProvider.provider().createGeneratorFactory(Map.of());

    private Json() {
    }

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            String plain = writePlain(value);
            if (plain != null) {
                return plain;
            }
        }
        return JSONB.toJson(value);
    }

    /** The value written as plain JSON, or null when it holds anything else (JSON-B writes that). */
    private static String writePlain(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = GENERATORS.createGenerator(out)) {
            if (!writePlain(generator, value)) {
                return null;
            }
        } catch (JsonGenerationException incomplete) {
            return null;
        }
        return out.toString();
    }

    // Writes one value; false, with the writing stopped, on a type that is not plain JSON.
    private static boolean writePlain(JsonGenerator generator, Object value) {
        switch (value) {
            case null -> generator.writeNull();
            case String text -> generator.write(text);
            case Boolean flag -> generator.write(flag);
            case BigDecimal number -> generator.write(number);
            case BigInteger number -> generator.write(number);
            case Integer number -> generator.write(number);
            case Long number -> generator.write(number);
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        return false;
                    }
                    generator.writeKey(key);
                    if (!writePlain(generator, entry.getValue())) {
                        return false;
                    }
                }
                generator.writeEnd();
            }
            case Iterable<?> items -> {
                generator.writeStartArray();
                for (Object item : items) {
                    if (!writePlain(generator, item)) {
                        return false;
                    }
                }
                generator.writeEnd();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    public static <T> T read(String json, Class<T> type) {
        return json == null ? null : JSONB.fromJson(json, type);
    }

    public static <T> T read(String json, Type type) {
        return json == null ? null : JSONB.fromJson(json, type);
    }
}
