package io.promptmanager.core.prompt;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for categories; every statement is scoped to one user. */
public final class CategoryRepository {
    private static final String COLUMNS = """
            SELECT id, name, created_at, updated_at FROM categories
            """;
    private static final String INSERT = """
            INSERT INTO categories (id, user_id, name, created_at, updated_at) VALUES (?::uuid, ?::uuid, ?, ?, ?)
            """;
    private static final String RENAME = """
            UPDATE categories SET name = ?, updated_at = ? WHERE id = ?::uuid AND user_id = ?::uuid
            """;
    private static final String DELETE = """
            DELETE FROM categories WHERE id = ?::uuid AND user_id = ?::uuid
            """;

    public List<Category> list(DbExecute exec, UUID userId) {
        return exec.query(COLUMNS + " WHERE user_id = ?::uuid ORDER BY lower(name), id", userId)
                .map(CategoryRepository::map)
                .toList();
    }

    public Optional<Category> find(DbExecute exec, UUID userId, UUID id) {
        return exec.get(COLUMNS + " WHERE user_id = ?::uuid AND id = ?::uuid", userId, id).map(CategoryRepository::map);
    }

    /** The category of that name, compared case-insensitively. */
    public Optional<Category> findByName(DbExecute exec, UUID userId, String name) {
        return exec.get(COLUMNS + " WHERE user_id = ?::uuid AND lower(name) = lower(?)", userId, name)
                .map(CategoryRepository::map);
    }

    public void insert(DbExecute exec, UUID userId, Category category) {
        exec.insert(INSERT, category.id(), userId, category.name(), Timestamp.from(category.createdAt()),
                Timestamp.from(category.updatedAt()));
    }

    public void rename(DbExecute exec, UUID userId, Category category) {
        exec.update(RENAME, category.name(), Timestamp.from(category.updatedAt()), category.id(), userId);
    }

    public void delete(DbExecute exec, UUID userId, UUID id) {
        exec.delete(DELETE, id, userId);
    }

    private static Category map(DbRow row) {
        return new Category(
                row.column("id").get(UUID.class),
                row.column("name").get(String.class),
                row.column("created_at").get(Timestamp.class).toInstant(),
                row.column("updated_at").get(Timestamp.class).toInstant());
    }
}
