package io.promptmanager.server.prompt;

import io.promptmanager.core.prompt.Category;

import java.time.Instant;
import java.util.UUID;

/** A category of the caller's prompts. */
public record CategoryDto(UUID id, String name, Instant createdAt, Instant updatedAt) {
    public static CategoryDto from(Category c) {
        return new CategoryDto(c.id(), c.name(), c.createdAt(), c.updatedAt());
    }
}
