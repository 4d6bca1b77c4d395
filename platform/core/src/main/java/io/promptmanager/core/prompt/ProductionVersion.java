package io.promptmanager.core.prompt;

/** The PRODUCTION version of a prompt with the strong ETag of its content. */
public record ProductionVersion(PromptVersion version, String etag) {
}
