package io.promptmanager.core.user;

import io.promptmanager.core.plan.Plan;

import java.time.Instant;
import java.util.UUID;

/** An account. The password hash never leaves the user package. */
public record User(UUID id, String email, String displayName, Role role, Plan plan, boolean disabled,
                   Instant createdAt, Instant updatedAt) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
