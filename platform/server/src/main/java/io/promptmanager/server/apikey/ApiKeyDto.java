package io.promptmanager.server.apikey;

import io.promptmanager.core.apikey.ApiKey;
import io.promptmanager.core.apikey.Scope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A key as listed: recognisable by prefix and last 4 characters, never by its secret or hash. */
public record ApiKeyDto(UUID id, UUID userId, String name, String prefix, String last4, List<String> scopes,
                        Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
    public static ApiKeyDto from(ApiKey key) {
        return new ApiKeyDto(key.id(), key.userId(), key.name(), key.prefix(), key.last4(), wireNames(key),
                key.createdAt(), key.lastUsedAt(), key.expiresAt(), key.revokedAt());
    }

    static List<String> wireNames(ApiKey key) {
        return key.scopes().stream().sorted().map(Scope::wireName).toList();
    }
}
