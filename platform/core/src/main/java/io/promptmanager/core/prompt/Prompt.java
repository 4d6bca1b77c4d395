package io.promptmanager.core.prompt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A prompt as listed and shown. {@code category} is the category name or null;
 * {@code productionVersion} / {@code latestVersion} are version numbers or null when none.
 */
public record Prompt(UUID id, String name, String description, String category, List<String> tags,
                     Integer productionVersion, Integer latestVersion, Instant createdAt, Instant updatedAt) {
}
