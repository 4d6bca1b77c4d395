package io.promptmanager.core.common;

/** One problem with one input field; {@code field} uses the JSON path of the request body. */
public record Violation(String field, String message) {
}
