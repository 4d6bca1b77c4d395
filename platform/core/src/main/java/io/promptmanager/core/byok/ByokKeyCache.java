package io.promptmanager.core.byok;

import io.promptmanager.core.cache.InvalidationTarget;
import io.promptmanager.core.cache.NotifiedCache;
import io.promptmanager.core.cache.Payloads;

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
public final class ByokKeyCache implements InvalidationTarget {
    /** The NOTIFY channel; payload: the owner's user id (anything else drops every entry). */
    public static final String CHANNEL = "pm_byok";
    static final long MAXIMUM_SIZE = 100_000;

    private final NotifiedCache<UUID, Optional<ByokRepository.StoredKey>> keys = new NotifiedCache<>(MAXIMUM_SIZE);

    Optional<ByokRepository.StoredKey> get(UUID userId, Function<UUID, Optional<ByokRepository.StoredKey>> loader) {
        return keys.get(userId, loader);
    }

    void forget(UUID userId) {
        keys.invalidate(userId);
    }

    @Override
    public void onNotification(String payload) {
        Payloads.userId(payload).ifPresentOrElse(this::forget, keys::invalidateAll);
    }

    @Override
    public void suspend() {
        keys.suspend();
    }

    @Override
    public void resume() {
        keys.resume();
    }
}
