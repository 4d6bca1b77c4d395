package io.promptmanager.plugin.model;

/**
 * One message of a conversation.
 *
 * @param role    {@code system}, {@code user} or {@code assistant}; never null
 * @param content the text; never null
 */
public record ChatMessage(String role, String content) {
}
