package io.promptmanager.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values read from the database, kept in memory with no time limit for as long as invalidation
 * works: the owner invalidates on each change notification and the {@link InvalidationListener}
 * suspends it while notifications cannot be received. It starts suspended (every read loads,
 * nothing is kept) until the listener first listens. A value loaded while any invalidation
 * happened is returned but not kept, so a load that read a row before its change committed
 * cannot outlive the change's notification. Thread-safe.
 *
 * @param <K> what a value is looked up by
 * @param <V> the value; a loader answers null for "nothing to keep"
 */
public final class NotifiedCache<K, V> {
    private final Cache<K, V> cache;
    // Bumped by every invalidation: a value loaded across a bump is not kept.
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean suspended = true;

    public NotifiedCache(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** Values also expire {@code expireAfterWrite} after they were loaded: a safety net for a lost notification. */
    public NotifiedCache(long maximumSize, Duration expireAfterWrite) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expireAfterWrite).build();
    }

    /**
     * The kept value, or else what {@code loader} answers (kept unless null). One load per key at
     * a time: concurrent callers for the same key wait for it. Exceptions of the loader propagate.
     */
    public V get(K key, Function<? super K, ? extends V> loader) {
        if (suspended) {
            return loader.apply(key);
        }
        V kept = cache.getIfPresent(key);
        if (kept != null) {
            return kept; // the hot path: no load, nothing allocated
        }
        long generationAtLoad = generation.get();
        AtomicBoolean loaded = new AtomicBoolean();
        V value = cache.get(key, k -> {
            loaded.set(true);
            return loader.apply(k);
        });
        if (loaded.get() && value != null && generation.get() != generationAtLoad) {
            cache.asMap().remove(key, value);
        }
        return value;
    }

    public void invalidate(K key) {
        generation.incrementAndGet();
        cache.invalidate(key);
    }

    public void invalidateIf(Predicate<? super V> which) {
        generation.incrementAndGet();
        cache.asMap().values().removeIf(which);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** Keep nothing and load every time, until {@link #resume()}. */
    public void suspend() {
        suspended = true;
        invalidateAll();
    }

    /** Keep values again, starting from none. */
    public void resume() {
        invalidateAll();
        suspended = false;
    }

    /** True while values are kept. */
    public boolean isActive() {
        return !suspended;
    }
}
