package io.promptmanager.core.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded change: who did it (a user, and the API key if one was used), to what, and the
 * object's state before and after as JSON (null when it did not exist).
 */
public record AuditEntry(UUID id, UUID ownerId, UUID actorUserId, UUID actorKeyId, String action,
                         String objectType, String objectId, String before, String after, Instant at) {
}
