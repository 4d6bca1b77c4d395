package io.promptmanager.core.prompt;

import java.util.List;

/**
 * Create or update a prompt: {@code name} is a URL-safe slug unique per user; {@code category}
 * names an existing category of the user (null = none); tags are short slugs.
 */
public record PromptInput(String name, String description, String category, List<String> tags) {
}
