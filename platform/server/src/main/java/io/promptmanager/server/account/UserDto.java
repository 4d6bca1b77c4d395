package io.promptmanager.server.account;

import io.promptmanager.core.user.User;

import java.time.Instant;
import java.util.UUID;

/** An account on the wire; there is no password hash to leave out because core never hands one out. */
public record UserDto(UUID id, String email, String displayName, String role, String plan, boolean disabled,
                      Instant createdAt, Instant updatedAt) {
    public static UserDto from(User user) {
        return new UserDto(user.id(), user.email(), user.displayName(), user.role().name(), user.plan().name(),
                user.disabled(), user.createdAt(), user.updatedAt());
    }
}
