package io.promptmanager.core.apikey;

import io.promptmanager.core.cache.PerUserCache;

import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The keys that authenticated on this node, by hash, with what authentication checks about their
 * owner. Kept until a notification on {@link #CHANNEL} names the owner: triggers on
 * {@code api_keys} and {@code users} send one for every change that matters to authentication,
 * whichever node or tool made it (see V8__cache_invalidation.sql). While notifications cannot be
 * received, every authentication reads the database.
 */
public final class ApiKeyCache extends PerUserCache<String, ApiKeyRepository.OwnedKey> {
    /** The NOTIFY channel; payload: the owner's user id (anything else drops every key). */
    public static final String CHANNEL = "pm_api_keys";
    static final long MAXIMUM_SIZE = 100_000;

    public ApiKeyCache() {
        super(MAXIMUM_SIZE);
    }

    /** The key with this hash, kept or loaded; null when {@code loader} finds none (nothing is kept then). */
    ApiKeyRepository.OwnedKey get(byte[] hash, Function<byte[], ApiKeyRepository.OwnedKey> loader) {
        return entries.get(HexFormat.of().formatHex(hash), ignored -> loader.apply(hash));
    }

    void forget(byte[] hash) {
        entries.invalidate(HexFormat.of().formatHex(hash));
    }

    void forgetKey(UUID keyId) {
        forgetIf(key -> key.id().equals(keyId));
    }

    @Override
    protected void forgetUser(UUID userId) {
        forgetIf(key -> key.userId().equals(userId));
    }

    void forgetAll() {
        entries.invalidateAll();
    }

    private void forgetIf(Predicate<ApiKey> which) {
        entries.invalidateIf(owned -> which.test(owned.stored().key()));
    }
}
