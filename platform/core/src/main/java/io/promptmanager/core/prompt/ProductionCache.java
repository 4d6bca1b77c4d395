package io.promptmanager.core.prompt;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.cache.InvalidationTarget;
import io.promptmanager.core.cache.NotifiedCache;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.db.Transactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The PRODUCTION version of each (user, prompt name), kept in memory so the hot path answers
 * without touching the database. Writers {@link #announce announce} a change inside their
 * transaction (a PostgreSQL NOTIFY, delivered to every node on commit) and {@link #evict evict}
 * locally after commit; the {@link io.promptmanager.core.cache.InvalidationListener} applies every node's
 * announcements.
 * "No such prompt" and "no PRODUCTION version" are cached too, so polling a missing prompt stays
 * cheap.
 */
public final class ProductionCache implements InvalidationTarget {
    /** The NOTIFY channel; payload {@code <userId>/<prompt name>}. */
    public static final String CHANNEL = "pm_production";
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    /** A safety net only: invalidation is by notification, this bounds the damage of a lost one. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

    private final VersionRepository versions;
    private final Transactions transactions;
    private final NotifiedCache<Key, Lookup> cache =
            new NotifiedCache<>(DEFAULT_MAXIMUM_SIZE, DEFAULT_EXPIRY);

    public ProductionCache(VersionRepository versions, Transactions transactions) {
        this.versions = versions;
        this.transactions = transactions;
    }

    /** The PRODUCTION version of the user's prompt; NOT_FOUND when the prompt or its PRODUCTION version is missing. */
    public ProductionVersion get(UUID userId, String promptName) {
        Lookup lookup = cache.get(new Key(userId, promptName), key -> load(key.userId(), key.promptName()));
        if (!lookup.promptExists()) {
            throw DomainException.notFound("Prompt '" + promptName + "'");
        }
        if (lookup.production() == null) {
            throw DomainException.notFound("Production version of prompt '" + promptName + "'");
        }
        return lookup.production();
    }

    /** Tells every node (this one included) on commit that the prompt's PRODUCTION may have changed. */
    public void announce(DbExecute exec, UUID userId, String promptName) {
        versions.notify(exec, CHANNEL, userId + "/" + promptName);
    }

    /** Forgets one prompt on this node; call after the changing transaction committed. */
    public void evict(UUID userId, String promptName) {
        cache.invalidate(new Key(userId, promptName));
    }

    /** Forgets everything on this node, including loads still in flight. */
    public void evictAll() {
        cache.invalidateAll();
    }

    /** Applies an announcement received from the channel; an unreadable one clears everything. */
    @Override
    public void onNotification(String payload) {
        int slash = payload == null ? -1 : payload.indexOf('/');
        try {
            evict(UUID.fromString(payload.substring(0, slash)), payload.substring(slash + 1));
        } catch (RuntimeException e) {
            evictAll();
        }
    }

    /** Without invalidation (listener disconnected) every call reads the database, and nothing is kept. */
    @Override
    public void suspend() {
        cache.suspend();
    }

    /** Invalidation works again: start from an empty cache, since notifications may have been missed. */
    @Override
    public void resume() {
        cache.resume();
    }

    private Lookup load(UUID userId, String promptName) {
        VersionRepository.ProductionRow row = versions.findProduction(transactions.read(), userId, promptName);
        PromptVersion version = row.version();
        return new Lookup(row.promptExists(), version == null ? null : new ProductionVersion(version, etag(version)));
    }

    /**
     * A strong ETag derived from the content's identity only, so every node computes the same one:
     * a version's content never changes once it left DRAFT, and each status change moves updatedAt.
     */
    static String etag(PromptVersion version) {
        String identity = version.id() + "\n" + version.number() + "\n" + version.updatedAt() + "\n"
                + version.promptName();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return '"' + HexFormat.of().formatHex(hash) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Key(UUID userId, String promptName) {
    }

    private record Lookup(boolean promptExists, ProductionVersion production) {
    }
}
