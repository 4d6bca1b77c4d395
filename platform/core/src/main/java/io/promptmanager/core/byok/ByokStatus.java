package io.promptmanager.core.byok;

import java.time.Instant;

/**
 * The user's saved key as shown to them.
 *
 * @param active true when runs use it: the owner's plan currently includes BYOK
 */
public record ByokStatus(String last4, Instant updatedAt, boolean active) {
}
