package io.promptmanager.core.prompt;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A declared template variable. {@code type} is {@code string}, {@code number} or
 * {@code boolean}; {@code defaultValue} (JSON {@code default}) must match the type.
 */
public record VariableDeclaration(String name, String type, boolean required,
                                  @JsonbProperty("default") Object defaultValue, String description) {
}
