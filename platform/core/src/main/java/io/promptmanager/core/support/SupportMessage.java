package io.promptmanager.core.support;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a request's thread.
 *
 * @param authorId   null when the author's account was deleted
 * @param authorName the author's display name; null when the account was deleted
 * @param fromStaff  written by the support team (an administrator), not the requester
 */
public record SupportMessage(UUID id, UUID authorId, String authorName, boolean fromStaff, String body,
                             Instant createdAt) {
}
