package io.promptmanager.server.apikey;

import io.promptmanager.core.apikey.ApiKey;
import io.promptmanager.core.apikey.CreatedApiKey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A key just created: the listed fields plus {@code key}, the secret, in this response only. */
public record CreatedApiKeyDto(UUID id, UUID userId, String name, String prefix, String last4, List<String> scopes,
                               Instant createdAt, Instant expiresAt, String key) {
    public static CreatedApiKeyDto from(CreatedApiKey created) {
        ApiKey k = created.apiKey();
        return new CreatedApiKeyDto(k.id(), k.userId(), k.name(), k.prefix(), k.last4(), ApiKeyDto.wireNames(k),
                k.createdAt(), k.expiresAt(), created.secret());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyDto[id=" + id + ", name=" + name + ", prefix=" + prefix + "]";
    }
}
