package io.promptmanager.core.user;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.Cursor;
import io.promptmanager.core.plan.Plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for accounts. The password hash is read only inside this package. */
public final class UserRepository {
    private static final String COLUMNS = """
            SELECT id, email::text AS email, display_name, role, plan, disabled, created_at, updated_at
            FROM users
            """;
    private static final String CREDENTIAL_COLUMNS = """
            SELECT id, email::text AS email, display_name, role, plan, disabled, created_at, updated_at,
                   password_hash
            FROM users
            """;
    private static final String INSERT = """
            INSERT INTO users (id, email, display_name, password_hash, role, plan, disabled, created_at, updated_at)
            VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (email) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE users SET plan = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?::uuid
            """;
    private static final String UPDATE_PASSWORD = """
            UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?::uuid
            """;
    private static final String PAGE = COLUMNS + """
            WHERE (?::text IS NULL OR strpos(lower(email::text), ?) > 0 OR strpos(lower(display_name), ?) > 0)
              AND (?::timestamptz IS NULL OR (created_at, id) < (?::timestamptz, ?::uuid))
            ORDER BY created_at DESC, id DESC LIMIT ?
            """;
    private static final String ANY_ADMIN = "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'ADMIN') AS present";
    private static final String OLDEST_ACTIVE_ADMIN = COLUMNS + """
            WHERE role = 'ADMIN' AND NOT disabled ORDER BY created_at, id LIMIT 1
            """;
    private static final String LOCK_ACTIVE_ADMINS = """
            SELECT id FROM users WHERE role = 'ADMIN' AND NOT disabled ORDER BY id FOR UPDATE
            """;
    // Serialises first-start provisioning of several nodes starting on one empty database.
    private static final String LOCK_PROVISIONING = "SELECT pg_advisory_xact_lock(7305641720934851) IS NULL AS locked";

    /** An account with its password hash; only for checking a password. */
    record Credentials(User user, String passwordHash) {
        @Override
        public String toString() {
            return "Credentials[" + user + "]";
        }
    }

    /** Inserts the account; false (and nothing written) when the e-mail is taken in any letter case. */
    boolean insert(DbExecute exec, User user, String passwordHash) {
        return exec.insert(INSERT, user.id(), user.email(), user.displayName(), passwordHash,
                user.role().name(), user.plan().name(), user.disabled(),
                Timestamp.from(user.createdAt()), Timestamp.from(user.updatedAt())) == 1;
    }

    public Optional<User> find(DbExecute exec, UUID id) {
        return exec.get(COLUMNS + " WHERE id = ?::uuid", id).map(UserRepository::map);
    }

    /** The account, locked until the transaction ends. */
    Optional<User> lock(DbExecute exec, UUID id) {
        return exec.get(COLUMNS + " WHERE id = ?::uuid FOR UPDATE", id).map(UserRepository::map);
    }

    Optional<Credentials> credentialsByEmail(DbExecute exec, String email) {
        return exec.get(CREDENTIAL_COLUMNS + " WHERE email = ?::citext", email).map(UserRepository::credentials);
    }

    Optional<Credentials> credentials(DbExecute exec, UUID id) {
        return exec.get(CREDENTIAL_COLUMNS + " WHERE id = ?::uuid", id).map(UserRepository::credentials);
    }

    void update(DbExecute exec, User user) {
        exec.update(UPDATE, user.plan().name(), user.role().name(), user.disabled(),
                Timestamp.from(user.updatedAt()), user.id());
    }

    void updatePasswordHash(DbExecute exec, UUID id, String passwordHash, Instant at) {
        exec.update(UPDATE_PASSWORD, passwordHash, Timestamp.from(at), id);
    }

    /** Users whose e-mail or display name contains {@code query} (lower case; null = all), newest first. */
    List<User> page(DbExecute exec, String query, Cursor after, int limit) {
        Timestamp at = after == null ? null : Timestamp.from(after.createdAt());
        UUID id = after == null ? null : after.id();
        return exec.query(PAGE, query, query, query, at, at, id, limit).map(UserRepository::map).toList();
    }

    boolean anyAdmin(DbExecute exec) {
        return exec.get(ANY_ADMIN).orElseThrow().column("present").get(Boolean.class);
    }

    public Optional<User> oldestActiveAdmin(DbExecute exec) {
        return exec.get(OLDEST_ACTIVE_ADMIN).map(UserRepository::map);
    }

    /** Locks the enabled administrators' rows until the transaction ends and returns their ids. */
    Set<UUID> lockActiveAdmins(DbExecute exec) {
        return exec.query(LOCK_ACTIVE_ADMINS).map(row -> row.column("id").get(UUID.class))
                .collect(Collectors.toSet());
    }

    void lockProvisioning(DbExecute exec) {
        exec.get(LOCK_PROVISIONING);
    }

    private static Credentials credentials(DbRow row) {
        return new Credentials(map(row), row.column("password_hash").get(String.class));
    }

    private static User map(DbRow row) {
        return new User(
                row.column("id").get(UUID.class),
                row.column("email").get(String.class),
                row.column("display_name").get(String.class),
                Role.valueOf(row.column("role").get(String.class)),
                Plan.valueOf(row.column("plan").get(String.class)),
                row.column("disabled").get(Boolean.class),
                row.column("created_at").get(Timestamp.class).toInstant(),
                row.column("updated_at").get(Timestamp.class).toInstant());
    }
}
