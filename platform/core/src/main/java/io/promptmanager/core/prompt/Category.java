package io.promptmanager.core.prompt;

import java.time.Instant;
import java.util.UUID;

/** A user's folder for prompts; names are unique per user (case-insensitive). */
public record Category(UUID id, String name, Instant createdAt, Instant updatedAt) {
}
