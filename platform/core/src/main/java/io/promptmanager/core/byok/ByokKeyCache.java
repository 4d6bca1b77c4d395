package io.promptmanager.core.byok;

import io.promptmanager.core.cache.PerUserCache;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Each user's saved provider key as stored — sealed, never opened — or the fact that they have
 * none, so resolving a run's credentials reads no database. Kept until a notification on
 * {@link #CHANNEL} names the user: a trigger on {@code byok_keys} sends one for every insert,
 * update and delete, whichever node or tool made it (see V8__cache_invalidation.sql). The key is
 * opened per run, so no clear-text key lives in memory longer than a run.
 */
public final class ByokKeyCache extends PerUserCache<UUID, Optional<ByokRepository.StoredKey>> {
    /** The NOTIFY channel; payload: the owner's user id (anything else drops every entry). */
    public static final String CHANNEL = "pm_byok";
    static final long MAXIMUM_SIZE = 100_000;

    public ByokKeyCache() {
        super(MAXIMUM_SIZE);
    }

    Optional<ByokRepository.StoredKey> get(UUID userId, Function<UUID, Optional<ByokRepository.StoredKey>> loader) {
        return entries.get(userId, loader);
    }

    @Override
    protected void forgetUser(UUID userId) {
        entries.invalidate(userId);
    }
}
