package io.promptmanager.core.prompt;

/**
 * List filters, each optional: category name, a status some version of the prompt has, a tag,
 * and text found in the name or description.
 */
public record PromptFilter(String category, VersionStatus status, String tag, String text) {
    public static PromptFilter none() {
        return new PromptFilter(null, null, null, null);
    }
}
