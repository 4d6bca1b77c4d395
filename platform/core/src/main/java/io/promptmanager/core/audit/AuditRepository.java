package io.promptmanager.core.audit;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.Cursor;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** SQL for the audit log. */
public final class AuditRepository {
    private static final String INSERT = """
            INSERT INTO audit_log (id, owner_id, actor_user_id, actor_key_id, action, object_type,
                                   object_id, before_state, after_state, created_at)
            VALUES (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, owner_id, actor_user_id, actor_key_id, action, object_type, object_id,
                   before_state::text AS before_state, after_state::text AS after_state, created_at
            FROM audit_log
            """;
    private static final String PAGE_FILTER = """
             AND (?::timestamptz IS NULL OR (created_at, id) < (?::timestamptz, ?::uuid))
            ORDER BY created_at DESC, id DESC LIMIT ?
            """;

    // starts_with, not LIKE: a prefix holding % or _ matches only itself
    private static final String SEARCH_FILTER = """
             WHERE (?::text IS NULL OR starts_with(action, ?))
               AND (?::uuid IS NULL OR owner_id = ?::uuid OR actor_user_id = ?::uuid)
               AND (?::timestamptz IS NULL OR created_at >= ?::timestamptz)
               AND (?::timestamptz IS NULL OR created_at < ?::timestamptz)
            """;

    public void insert(DbExecute exec, AuditEntry entry) {
        exec.insert(INSERT, entry.id(), entry.ownerId(), entry.actorUserId(), entry.actorKeyId(),
                entry.action(), entry.objectType(), entry.objectId(), entry.before(), entry.after(),
                Timestamp.from(entry.at()));
    }

    /** Entries of one owner, or of everybody when {@code ownerId} is null; newest first. */
    public List<AuditEntry> page(DbExecute exec, UUID ownerId, Cursor after, int limit) {
        Timestamp at = after == null ? null : Timestamp.from(after.createdAt());
        UUID id = after == null ? null : after.id();
        return exec.query(COLUMNS + " WHERE (?::uuid IS NULL OR owner_id = ?::uuid)" + PAGE_FILTER,
                        ownerId, ownerId, at, at, id, limit)
                .map(AuditRepository::map)
                .toList();
    }

    /** Entries matching the filter, newest first. */
    public List<AuditEntry> search(DbExecute exec, AuditFilter filter, Cursor after, int limit) {
        Timestamp at = after == null ? null : Timestamp.from(after.createdAt());
        UUID id = after == null ? null : after.id();
        String prefix = filter.actionPrefix() == null || filter.actionPrefix().isBlank() ? null
                : filter.actionPrefix().strip();
        Timestamp from = filter.from() == null ? null : Timestamp.from(filter.from());
        Timestamp to = filter.to() == null ? null : Timestamp.from(filter.to());
        return exec.query(COLUMNS + SEARCH_FILTER + PAGE_FILTER, prefix, prefix, filter.userId(), filter.userId(),
                        filter.userId(), from, from, to, to, at, at, id, limit)
                .map(AuditRepository::map)
                .toList();
    }

    private static AuditEntry map(DbRow row) {
        return new AuditEntry(
                row.column("id").get(UUID.class),
                row.column("owner_id").get(UUID.class),
                row.column("actor_user_id").get(UUID.class),
                row.column("actor_key_id").get(UUID.class),
                row.column("action").get(String.class),
                row.column("object_type").get(String.class),
                row.column("object_id").get(String.class),
                row.column("before_state").get(String.class),
                row.column("after_state").get(String.class),
                row.column("created_at").get(Timestamp.class).toInstant());
    }
}
