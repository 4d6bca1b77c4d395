package io.promptmanager.server.audit;

import io.promptmanager.core.audit.AuditEntry;
import io.promptmanager.core.common.Json;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit entry; {@code before}/{@code after} are the object's JSON states (null when it did
 * not exist), {@code actorKeyId} the API key used, if any.
 */
public record AuditEntryDto(UUID id, UUID ownerId, UUID actorUserId, UUID actorKeyId, String action,
                            String objectType, String objectId, Object before, Object after, Instant at) {
    public static AuditEntryDto from(AuditEntry e) {
        return new AuditEntryDto(e.id(), e.ownerId(), e.actorUserId(), e.actorKeyId(), e.action(), e.objectType(),
                e.objectId(), state(e.before()), state(e.after()), e.at());
    }

    private static Object state(String json) {
        return json == null ? null : Json.read(json, Object.class);
    }
}
