package io.promptmanager.core.apikey;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Role;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for API keys. Secrets are never here: only their keyed hashes. */
public final class ApiKeyRepository {
    private static final String KEY_COLUMNS = """
            k.id, k.user_id, k.name, k.prefix, k.last4, array_to_string(k.scopes, ',') AS scopes,
            k.created_at, k.last_used_at, k.expires_at, k.revoked_at, k.key_hash
            """;
    private static final String INSERT = """
            INSERT INTO api_keys (id, user_id, name, key_hash, prefix, last4, scopes, created_at, expires_at,
                                  created_by, operator_key)
            VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?::uuid, ?)
            """;
    private static final String OF_USER = "SELECT " + KEY_COLUMNS + """
            FROM api_keys k WHERE k.user_id = ?::uuid ORDER BY k.created_at DESC, k.id DESC
            """;
    private static final String ONE_OF_USER = "SELECT " + KEY_COLUMNS + """
            FROM api_keys k WHERE k.id = ?::uuid AND k.user_id = ?::uuid FOR UPDATE
            """;
    private static final String BY_HASH = "SELECT " + KEY_COLUMNS + """
            , u.role AS owner_role, u.plan AS owner_plan, u.disabled AS owner_disabled
            FROM api_keys k JOIN users u ON u.id = k.user_id
            WHERE k.key_hash = ?
            """;
    private static final String OPERATOR_KEY = "SELECT " + KEY_COLUMNS + """
            FROM api_keys k WHERE k.operator_key FOR UPDATE
            """;
    private static final String REVOKE = "UPDATE api_keys SET revoked_at = ? WHERE id = ?::uuid AND revoked_at IS NULL";
    // One statement for every key a node used; the guard keeps the latest use when nodes' writes cross.
    private static final String TOUCH_ALL = """
            UPDATE api_keys k SET last_used_at = u.used_at
            FROM unnest(string_to_array(?, ',')::uuid[], string_to_array(?, ',')::timestamptz[]) AS u (id, used_at)
            WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.used_at)
            """;
    private static final String REPLACE_OPERATOR_KEY = """
            UPDATE api_keys SET user_id = ?::uuid, name = ?, key_hash = ?, prefix = ?, last4 = ?, scopes = string_to_array(?, ','),
                                expires_at = NULL, revoked_at = NULL
            WHERE id = ?::uuid AND operator_key
            """;
    // Serialises the operator key's provisioning when several nodes start at once.
    private static final String LOCK_OPERATOR_KEY = "SELECT pg_advisory_xact_lock(7305641720934852) IS NULL AS locked";

    /** A stored key with its hash, to compare in constant time. */
    record StoredKey(ApiKey key, byte[] keyHash) {
        @Override
        public String toString() {
            return "StoredKey[" + key + "]";
        }
    }

    /** A key found by its hash, with what authentication needs to know about its owner. */
    record OwnedKey(StoredKey stored, Role ownerRole, Plan ownerPlan, boolean ownerDisabled) {
    }

    void insert(DbExecute exec, ApiKey key, byte[] keyHash, UUID createdBy, boolean operatorKey) {
        exec.insert(INSERT, key.id(), key.userId(), key.name(), keyHash, key.prefix(), key.last4(),
                wireNames(key.scopes()), Timestamp.from(key.createdAt()), timestamp(key.expiresAt()), createdBy,
                operatorKey);
    }

    /** The user's keys, newest first, revoked ones included. */
    public List<ApiKey> ofUser(DbExecute exec, UUID userId) {
        return exec.query(OF_USER, userId).map(row -> map(row).key()).toList();
    }

    /** One of the user's keys, locked until the transaction ends; empty for anybody else's. */
    Optional<ApiKey> lockOneOfUser(DbExecute exec, UUID keyId, UUID userId) {
        return exec.get(ONE_OF_USER, keyId, userId).map(row -> map(row).key());
    }

    Optional<OwnedKey> findByHash(DbExecute exec, byte[] keyHash) {
        return exec.get(BY_HASH, (Object) keyHash).map(row -> new OwnedKey(map(row),
                Role.valueOf(row.column("owner_role").get(String.class)),
                Plan.valueOf(row.column("owner_plan").get(String.class)),
                row.column("owner_disabled").get(Boolean.class)));
    }

    Optional<StoredKey> lockOperatorKey(DbExecute exec) {
        exec.get(LOCK_OPERATOR_KEY);
        return exec.get(OPERATOR_KEY).map(ApiKeyRepository::map);
    }

    void revoke(DbExecute exec, UUID keyId, Instant at) {
        exec.update(REVOKE, Timestamp.from(at), keyId);
    }

    /** Sets each key's last use, unless a later one is stored already. */
    void touchAll(DbExecute exec, List<Map.Entry<UUID, Instant>> uses) {
        exec.update(TOUCH_ALL, uses.stream().map(use -> use.getKey().toString()).collect(Collectors.joining(",")),
                uses.stream().map(use -> use.getValue().toString()).collect(Collectors.joining(",")));
    }

    void replaceOperatorKey(DbExecute exec, ApiKey key, byte[] keyHash) {
        exec.update(REPLACE_OPERATOR_KEY, key.userId(), key.name(), keyHash, key.prefix(), key.last4(),
                wireNames(key.scopes()), key.id());
    }

    private static StoredKey map(DbRow row) {
        return new StoredKey(new ApiKey(
                row.column("id").get(UUID.class),
                row.column("user_id").get(UUID.class),
                row.column("name").get(String.class),
                row.column("prefix").get(String.class),
                row.column("last4").get(String.class),
                scopes(row.column("scopes").get(String.class)),
                instant(row, "created_at"),
                instant(row, "last_used_at"),
                instant(row, "expires_at"),
                instant(row, "revoked_at")),
                row.column("key_hash").get(byte[].class));
    }

    private static Set<Scope> scopes(String wireNames) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (wireNames != null && !wireNames.isEmpty()) {
            Arrays.stream(wireNames.split(",")).map(Scope::fromWireName).forEach(scopes::add);
        }
        return scopes;
    }

    private static String wireNames(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).collect(Collectors.joining(","));
    }

    private static Instant instant(DbRow row, String column) {
        Timestamp value = row.column(column).get(Timestamp.class);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
