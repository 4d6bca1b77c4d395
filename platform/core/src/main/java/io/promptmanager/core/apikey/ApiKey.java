package io.promptmanager.core.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An API key as it can be shown: never the secret, only its visible prefix and last 4
 * characters.
 */
public record ApiKey(UUID id, UUID userId, String name, String prefix, String last4, Set<Scope> scopes,
                     Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
}
