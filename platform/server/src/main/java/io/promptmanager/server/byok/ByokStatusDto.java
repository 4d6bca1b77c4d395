package io.promptmanager.server.byok;

import io.promptmanager.core.byok.ByokStatus;

import java.time.Instant;

/** The caller's saved OpenRouter key: its last 4 characters only. */
public record ByokStatusDto(String last4, Instant updatedAt, boolean active) {
    static ByokStatusDto from(ByokStatus status) {
        return new ByokStatusDto(status.last4(), status.updatedAt(), status.active());
    }
}
