package io.promptmanager.core.prompt;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.Json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for prompt versions; lookups go through the owning prompt, so they are scoped to one user. */
public final class VersionRepository {
    private static final Type MESSAGES = listOf(Message.class);
    private static final Type VARIABLES = listOf(VariableDeclaration.class);
    private static final String COLUMNS = """
            SELECT v.id, p.name AS prompt_name, v.number, v.status, v.messages::text AS messages,
                   v.variables::text AS variables, v.provider, v.model, v.parameters::text AS parameters,
                   v.commit_message, v.author_id, v.created_at, v.updated_at
            FROM prompt_versions v JOIN prompts p ON p.id = v.prompt_id
            """;
    private static final String BY_PROMPT = COLUMNS + " WHERE p.user_id = ?::uuid AND p.name = ? ORDER BY v.number DESC";
    private static final String BY_NUMBER = COLUMNS + " WHERE p.user_id = ?::uuid AND p.name = ? AND v.number = ?";
    private static final String PRODUCTION = """
            SELECT p.name AS prompt_name, v.id, v.number, v.status, v.messages::text AS messages,
                   v.variables::text AS variables, v.provider, v.model, v.parameters::text AS parameters,
                   v.commit_message, v.author_id, v.created_at, v.updated_at
            FROM prompts p LEFT JOIN prompt_versions v ON v.prompt_id = p.id AND v.status = 'PRODUCTION'
            WHERE p.user_id = ?::uuid AND p.name = ?
            """;
    private static final String NEXT_NUMBER = """
            SELECT coalesce(max(number), 0) + 1 AS next FROM prompt_versions WHERE prompt_id = ?::uuid
            """;
    private static final String INSERT = """
            INSERT INTO prompt_versions (id, prompt_id, number, status, messages, variables, provider, model,
                                         parameters, commit_message, author_id, created_at, updated_at)
            VALUES (?::uuid, ?::uuid, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?, ?::uuid, ?, ?)
            """;
    private static final String UPDATE_CONTENT = """
            UPDATE prompt_versions SET messages = ?::jsonb, variables = ?::jsonb, provider = ?, model = ?,
                                       parameters = ?::jsonb, commit_message = ?, updated_at = ?
            WHERE id = ?::uuid
            """;
    private static final String SET_STATUS = """
            UPDATE prompt_versions SET status = ?, updated_at = ? WHERE id = ?::uuid
            """;
    private static final String NOTIFY = """
            SELECT 1 AS sent FROM pg_notify(?, ?)
            """;

    /** Whether the prompt exists, and its PRODUCTION version if it has one. */
    public record ProductionRow(boolean promptExists, PromptVersion version) {
    }

    public List<PromptVersion> list(DbExecute exec, UUID userId, String promptName) {
        return exec.query(BY_PROMPT, userId, promptName).map(VersionRepository::map).toList();
    }

    public Optional<PromptVersion> find(DbExecute exec, UUID userId, String promptName, int number) {
        return exec.get(BY_NUMBER, userId, promptName, number).map(VersionRepository::map);
    }

    public ProductionRow findProduction(DbExecute exec, UUID userId, String promptName) {
        return exec.get(PRODUCTION, userId, promptName)
                .map(row -> new ProductionRow(true, row.column("id").get(UUID.class) == null ? null : map(row)))
                .orElse(new ProductionRow(false, null));
    }

    public int nextNumber(DbExecute exec, UUID promptId) {
        return exec.get(NEXT_NUMBER, promptId).orElseThrow().column("next").get(Integer.class);
    }

    public void insert(DbExecute exec, UUID promptId, PromptVersion version) {
        exec.insert(INSERT, version.id(), promptId, version.number(), version.status().name(),
                Json.write(version.messages()), Json.write(version.variables()), version.provider(), version.model(),
                Json.write(version.parameters()), version.commitMessage(), version.authorId(),
                Timestamp.from(version.createdAt()), Timestamp.from(version.updatedAt()));
    }

    public void updateContent(DbExecute exec, PromptVersion version) {
        exec.update(UPDATE_CONTENT, Json.write(version.messages()), Json.write(version.variables()),
                version.provider(), version.model(), Json.write(version.parameters()), version.commitMessage(),
                Timestamp.from(version.updatedAt()), version.id());
    }

    public void setStatus(DbExecute exec, UUID versionId, VersionStatus status, Instant updatedAt) {
        exec.update(SET_STATUS, status.name(), Timestamp.from(updatedAt), versionId);
    }

    /** Queues a notification, delivered to every listener when the transaction commits. */
    public void notify(DbExecute exec, String channel, String payload) {
        exec.get(NOTIFY, channel, payload);
    }

    private static PromptVersion map(DbRow row) {
        ModelParameters parameters = Json.read(row.column("parameters").get(String.class), ModelParameters.class);
        return new PromptVersion(
                row.column("id").get(UUID.class),
                row.column("prompt_name").get(String.class),
                row.column("number").get(Integer.class),
                VersionStatus.valueOf(row.column("status").get(String.class)),
                List.copyOf(Json.<List<Message>>read(row.column("messages").get(String.class), MESSAGES)),
                List.copyOf(Json.<List<VariableDeclaration>>read(row.column("variables").get(String.class), VARIABLES)),
                row.column("provider").get(String.class),
                row.column("model").get(String.class),
                parameters,
                row.column("commit_message").get(String.class),
                row.column("author_id").get(UUID.class),
                row.column("created_at").get(Timestamp.class).toInstant(),
                row.column("updated_at").get(Timestamp.class).toInstant());
    }

    private static Type listOf(Type element) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
