package io.promptmanager.core.prompt;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.Cursor;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for prompts; every statement is scoped to one user. */
public final class PromptRepository {
    private static final String COLUMNS = """
            SELECT p.id, p.name, p.description, c.name AS category, p.tags, p.created_at, p.updated_at,
                   (SELECT v.number FROM prompt_versions v
                     WHERE v.prompt_id = p.id AND v.status = 'PRODUCTION') AS production_version,
                   (SELECT max(v.number) FROM prompt_versions v WHERE v.prompt_id = p.id) AS latest_version
            FROM prompts p LEFT JOIN categories c ON c.id = p.category_id
            """;
    private static final String BY_NAME = COLUMNS + " WHERE p.user_id = ?::uuid AND p.name = ?";
    private static final String PAGE = COLUMNS + """
             WHERE p.user_id = ?::uuid
               AND (?::text IS NULL OR lower(c.name) = lower(?::text))
               AND (?::text IS NULL OR EXISTS (SELECT 1 FROM prompt_versions s
                                               WHERE s.prompt_id = p.id AND s.status = ?::text))
               AND (?::text IS NULL OR p.tags @> ARRAY[?::text])
               AND (?::text IS NULL OR p.name ILIKE ?::text OR p.description ILIKE ?::text)
               AND (?::timestamptz IS NULL OR (p.created_at, p.id) < (?::timestamptz, ?::uuid))
             ORDER BY p.created_at DESC, p.id DESC
             LIMIT ?
            """;
    private static final String LOCK = """
            SELECT id FROM prompts WHERE user_id = ?::uuid AND name = ? FOR UPDATE
            """;
    private static final String INSERT = """
            INSERT INTO prompts (id, user_id, name, description, category_id, tags, created_at, updated_at)
            VALUES (?::uuid, ?::uuid, ?, ?, ?::uuid, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE prompts SET name = ?, description = ?, category_id = ?::uuid, tags = ?, updated_at = ?
            WHERE id = ?::uuid AND user_id = ?::uuid
            """;
    private static final String DELETE = """
            DELETE FROM prompts WHERE id = ?::uuid AND user_id = ?::uuid
            """;

    /** A new prompt's stored fields. */
    public record NewPrompt(UUID id, String name, String description, UUID categoryId, List<String> tags,
                            Instant createdAt) {
    }

    public Optional<Prompt> find(DbExecute exec, UUID userId, String name) {
        return exec.get(BY_NAME, userId, name).map(PromptRepository::map);
    }

    /** Locks the prompt row until the transaction ends; serialises version numbering and promotion. */
    public Optional<UUID> lock(DbExecute exec, UUID userId, String name) {
        return exec.get(LOCK, userId, name).map(row -> row.column("id").get(UUID.class));
    }

    /** Newest first; every filter argument may be null. {@code text} is a LIKE pattern. */
    public List<Prompt> page(DbExecute exec, UUID userId, String category, String status, String tag,
                             String textPattern, Cursor after, int limit) {
        Timestamp at = after == null ? null : Timestamp.from(after.createdAt());
        UUID id = after == null ? null : after.id();
        return exec.query(PAGE, userId, category, category, status, status, tag, tag,
                        textPattern, textPattern, textPattern, at, at, id, limit)
                .map(PromptRepository::map)
                .toList();
    }

    public void insert(DbExecute exec, UUID userId, NewPrompt prompt) {
        Timestamp at = Timestamp.from(prompt.createdAt());
        exec.insert(INSERT, prompt.id(), userId, prompt.name(), prompt.description(), prompt.categoryId(),
                prompt.tags().toArray(String[]::new), at, at);
    }

    public void update(DbExecute exec, UUID userId, UUID id, String name, String description, UUID categoryId,
                       List<String> tags, Instant updatedAt) {
        exec.update(UPDATE, name, description, categoryId, tags.toArray(String[]::new), Timestamp.from(updatedAt),
                id, userId);
    }

    public void delete(DbExecute exec, UUID userId, UUID id) {
        exec.delete(DELETE, id, userId);
    }

    private static Prompt map(DbRow row) {
        return new Prompt(
                row.column("id").get(UUID.class),
                row.column("name").get(String.class),
                row.column("description").get(String.class),
                row.column("category").get(String.class),
                tags(row.column("tags").get(Array.class)),
                row.column("production_version").get(Integer.class),
                row.column("latest_version").get(Integer.class),
                row.column("created_at").get(Timestamp.class).toInstant(),
                row.column("updated_at").get(Timestamp.class).toInstant());
    }

    private static List<String> tags(Array array) {
        try {
            return List.of((String[]) array.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException("Unreadable tags column", e);
        }
    }
}
