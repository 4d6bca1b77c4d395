package io.promptmanager.core.support;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for support requests and their messages. */
public final class SupportRepository {
    private static final String REQUEST_COLUMNS = """
            SELECT r.id, r.user_id, u.email::text AS requester_email, u.display_name AS requester_name, r.subject,
                   r.status, r.priority, r.waiting_since, r.respond_by, r.created_at, r.updated_at
            FROM support_requests r JOIN users u ON u.id = r.user_id
            """;
    private static final String INSERT_REQUEST = """
            INSERT INTO support_requests (id, user_id, subject, status, priority, waiting_since, respond_by,
                                          created_at, updated_at)
            VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE_STATE = """
            UPDATE support_requests SET status = ?, priority = ?, waiting_since = ?, respond_by = ?, updated_at = ?
            WHERE id = ?::uuid
            """;
    private static final String INSERT_MESSAGE = """
            INSERT INTO support_messages (id, request_id, author_id, from_staff, body, created_at)
            VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?)
            """;
    private static final String MESSAGES = """
            SELECT m.id, m.author_id, u.display_name AS author_name, m.from_staff, m.body, m.created_at
            FROM support_messages m LEFT JOIN users u ON u.id = m.author_id
            WHERE m.request_id = ?::uuid
            ORDER BY m.seq
            """;
    private static final String OF_USER = REQUEST_COLUMNS + """
            WHERE r.user_id = ?::uuid ORDER BY r.created_at DESC, r.id DESC LIMIT ?
            """;
    // Priority first, then the request waiting longest (OPEN), then the oldest.
    private static final String QUEUE = REQUEST_COLUMNS + """
            WHERE (?::text IS NULL OR r.status = ?)
            ORDER BY r.priority DESC, r.waiting_since NULLS LAST, r.created_at, r.id
            OFFSET ? LIMIT ?
            """;
    private static final String COUNT_QUEUE = """
            SELECT count(*) AS requests FROM support_requests WHERE (?::text IS NULL OR status = ?)
            """;

    void insert(DbExecute exec, SupportRequest request) {
        exec.insert(INSERT_REQUEST, request.id(), request.userId(), request.subject(), request.status().name(),
                request.priority(), timestamp(request.waitingSince()), timestamp(request.respondBy()),
                Timestamp.from(request.createdAt()), Timestamp.from(request.updatedAt()));
    }

    void updateState(DbExecute exec, SupportRequest request) {
        exec.update(UPDATE_STATE, request.status().name(), request.priority(), timestamp(request.waitingSince()),
                timestamp(request.respondBy()), Timestamp.from(request.updatedAt()), request.id());
    }

    void insertMessage(DbExecute exec, UUID requestId, SupportMessage message) {
        exec.insert(INSERT_MESSAGE, message.id(), requestId, message.authorId(), message.fromStaff(), message.body(),
                Timestamp.from(message.createdAt()));
    }

    Optional<SupportRequest> find(DbExecute exec, UUID id) {
        return exec.get(REQUEST_COLUMNS + " WHERE r.id = ?::uuid", id).map(SupportRepository::request);
    }

    /** The request, locked until the transaction ends, so that concurrent replies change its state in turn. */
    Optional<SupportRequest> lock(DbExecute exec, UUID id) {
        return exec.get(REQUEST_COLUMNS + " WHERE r.id = ?::uuid FOR UPDATE OF r", id).map(SupportRepository::request);
    }

    List<SupportMessage> messages(DbExecute exec, UUID requestId) {
        return exec.query(MESSAGES, requestId).map(SupportRepository::message).toList();
    }

    List<SupportRequest> ofUser(DbExecute exec, UUID userId, int limit) {
        return exec.query(OF_USER, userId, limit).map(SupportRepository::request).toList();
    }

    /** Requests of one status (every status when null) in the order the team works them. */
    List<SupportRequest> queue(DbExecute exec, SupportStatus status, int offset, int limit) {
        String name = status == null ? null : status.name();
        return exec.query(QUEUE, name, name, offset, limit).map(SupportRepository::request).toList();
    }

    long countQueue(DbExecute exec, SupportStatus status) {
        String name = status == null ? null : status.name();
        return exec.get(COUNT_QUEUE, name, name).orElseThrow().column("requests").get(Long.class);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(DbRow row, String column) {
        Timestamp value = row.column(column).get(Timestamp.class);
        return value == null ? null : value.toInstant();
    }

    private static SupportRequest request(DbRow row) {
        return new SupportRequest(
                row.column("id").get(UUID.class),
                row.column("user_id").get(UUID.class),
                row.column("requester_email").get(String.class),
                row.column("requester_name").get(String.class),
                row.column("subject").get(String.class),
                SupportStatus.valueOf(row.column("status").get(String.class)),
                row.column("priority").get(Boolean.class),
                instant(row, "waiting_since"),
                instant(row, "respond_by"),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static SupportMessage message(DbRow row) {
        return new SupportMessage(
                row.column("id").get(UUID.class),
                row.column("author_id").get(UUID.class),
                row.column("author_name").get(String.class),
                row.column("from_staff").get(Boolean.class),
                row.column("body").get(String.class),
                instant(row, "created_at"));
    }
}
