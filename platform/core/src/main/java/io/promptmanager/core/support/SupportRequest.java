package io.promptmanager.core.support;

import java.time.Instant;
import java.util.UUID;

/**
 * A support request without its messages.
 *
 * @param priority     the requester's plan included priority support when they last wrote
 * @param waitingSince when the requester last wrote, while the request waits for the team; null otherwise
 * @param respondBy    when the answer the plan promises is due, while the request waits; null otherwise
 */
public record SupportRequest(UUID id, UUID userId, String requesterEmail, String requesterName, String subject,
                             SupportStatus status, boolean priority, Instant waitingSince, Instant respondBy,
                             Instant createdAt, Instant updatedAt) {

    /** True when it still waits for the team after the promised time. */
    public boolean overdue(Instant now) {
        return status == SupportStatus.OPEN && respondBy != null && now.isAfter(respondBy);
    }

    SupportRequest withState(SupportStatus newStatus, boolean newPriority, Instant newWaitingSince,
                             Instant newRespondBy, Instant at) {
        return new SupportRequest(id, userId, requesterEmail, requesterName, subject, newStatus, newPriority,
                newWaitingSince, newRespondBy, createdAt, at);
    }
}
