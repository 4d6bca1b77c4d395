package io.promptmanager.server.prompt;

import io.promptmanager.core.prompt.Prompt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A prompt; {@code category} is the category's name, the version fields are numbers or null. */
public record PromptDto(UUID id, String name, String description, String category, List<String> tags,
                        Integer productionVersion, Integer latestVersion, Instant createdAt, Instant updatedAt) {
    public static PromptDto from(Prompt p) {
        return new PromptDto(p.id(), p.name(), p.description(), p.category(), p.tags(), p.productionVersion(),
                p.latestVersion(), p.createdAt(), p.updatedAt());
    }
}
