package io.promptmanager.core.cache;

import java.util.Optional;
import java.util.UUID;

/**
 * A {@link NotifiedCache} whose notifications name a user (payload: the user's id): each drops
 * that user's entries, anything else drops every entry.
 *
 * @param <K> what an entry is looked up by
 * @param <V> the entry
 */
public abstract class PerUserCache<K, V> implements InvalidationTarget {
    protected final NotifiedCache<K, V> entries;

    protected PerUserCache(long maximumSize) {
        this.entries = new NotifiedCache<>(maximumSize);
    }

    /** Drops what is kept about this user. */
    protected abstract void forgetUser(UUID userId);

    @Override
    public final void onNotification(String payload) {
        userId(payload).ifPresentOrElse(this::forgetUser, entries::invalidateAll);
    }

    @Override
    public final void suspend() {
        entries.suspend();
    }

    @Override
    public final void resume() {
        entries.resume();
    }

    private static Optional<UUID> userId(String payload) {
        try {
            return payload == null ? Optional.empty() : Optional.of(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
