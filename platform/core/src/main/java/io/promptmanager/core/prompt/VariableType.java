package io.promptmanager.core.prompt;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three variable types and which Java values (as JSON-B produces them) each accepts. */
enum VariableType {
    STRING("string", "a string"),
    NUMBER("number", "a number"),
    BOOLEAN("boolean", "a boolean");

    private static final Map<String, VariableType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(type -> type.wireName, type -> type));

    private final String wireName;
    private final String description;

    VariableType(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    static Optional<VariableType> of(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    String description() {
        return description;
    }

    boolean accepts(Object value) {
        return switch (this) {
            case STRING -> value instanceof CharSequence;
            case BOOLEAN -> value instanceof Boolean;
            case NUMBER -> value instanceof Number number && isFinite(number);
        };
    }

    /** An accepted value in its one canonical form: numbers become BigDecimal, text a String. */
    Object normalize(Object value) {
        return switch (this) {
            case STRING -> value.toString();
            case BOOLEAN -> value;
            case NUMBER -> value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        };
    }

    private static boolean isFinite(Number number) {
        return switch (number) {
            case Double d -> Double.isFinite(d);
            case Float f -> Float.isFinite(f);
            default -> true;
        };
    }
}
