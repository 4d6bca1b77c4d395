package io.promptmanager.core.prompt;

/** One chat message template: role {@code system}, {@code user} or {@code assistant}; content with {@code {{variables}}}. */
public record Message(String role, String content) {
}
