package io.promptmanager.core.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit entries an administrator looks for; a null field does not filter.
 *
 * @param actionPrefix entries whose action starts with it, e.g. {@code user.} or {@code apikey.revoke}
 * @param userId       entries about this user's objects or made by this user
 * @param from         entries at or after this instant
 * @param to           entries before this instant
 */
public record AuditFilter(String actionPrefix, UUID userId, Instant from, Instant to) {
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
