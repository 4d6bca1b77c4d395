package io.promptmanager.core.byok;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for saved provider keys: only sealed bytes and the last 4 characters are stored. */
public final class ByokRepository {
    private static final String COLUMNS = "user_id, provider, sealed, last4, created_at, updated_at";
    private static final String FIND = "SELECT " + COLUMNS + " FROM byok_keys WHERE user_id = ?::uuid";
    private static final String LOCK = FIND + " FOR UPDATE";
    private static final String UPSERT = """
            INSERT INTO byok_keys (user_id, provider, sealed, last4, created_at, updated_at)
            VALUES (?::uuid, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET provider = excluded.provider, sealed = excluded.sealed,
                                                last4 = excluded.last4, updated_at = excluded.updated_at
            """;
    private static final String DELETE = "DELETE FROM byok_keys WHERE user_id = ?::uuid";
    private static final String MOST_RECENT = "SELECT " + COLUMNS
            + " FROM byok_keys ORDER BY updated_at DESC, user_id LIMIT 1";
    private static final String OWNERS = "SELECT user_id FROM byok_keys ORDER BY user_id";
    // the guard leaves alone a key the user replaced while it was being re-sealed
    private static final String RESEAL = "UPDATE byok_keys SET sealed = ? WHERE user_id = ?::uuid AND sealed = ?";

    /** A saved key as stored. {@link #toString()} never shows the sealed bytes. */
    public record StoredKey(UUID userId, byte[] sealed, ByokKey key) {
        @Override
        public String toString() {
            return "StoredKey[" + userId + ", " + key + "]";
        }
    }

    Optional<StoredKey> find(DbExecute exec, UUID userId) {
        return exec.get(FIND, userId).map(ByokRepository::map);
    }

    Optional<StoredKey> lock(DbExecute exec, UUID userId) {
        return exec.get(LOCK, userId).map(ByokRepository::map);
    }

    void save(DbExecute exec, UUID userId, byte[] sealed, ByokKey key) {
        exec.insert(UPSERT, userId, key.provider(), sealed, key.last4(), Timestamp.from(key.createdAt()),
                Timestamp.from(key.updatedAt()));
    }

    void delete(DbExecute exec, UUID userId) {
        exec.delete(DELETE, userId);
    }

    Optional<StoredKey> mostRecent(DbExecute exec) {
        return exec.get(MOST_RECENT).map(ByokRepository::map);
    }

    List<UUID> owners(DbExecute exec) {
        return exec.query(OWNERS).map(row -> row.column("user_id").get(UUID.class)).toList();
    }

    boolean reseal(DbExecute exec, UUID userId, byte[] before, byte[] after) {
        return exec.update(RESEAL, after, userId, before) == 1;
    }

    private static StoredKey map(DbRow row) {
        return new StoredKey(row.column("user_id").get(UUID.class), row.column("sealed").get(byte[].class),
                new ByokKey(row.column("provider").get(String.class), row.column("last4").get(String.class),
                        row.column("created_at").get(Timestamp.class).toInstant(),
                        row.column("updated_at").get(Timestamp.class).toInstant()));
    }
}
