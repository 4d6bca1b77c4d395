package io.promptmanager.core.byok;

import java.time.Instant;

/**
 * What may be known about a saved key without opening it: its last 4 characters and dates. This
 * is also its audit state, so the key itself can never reach the audit log.
 */
public record ByokKey(String provider, String last4, Instant createdAt, Instant updatedAt) {
}
