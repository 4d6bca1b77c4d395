package io.promptmanager.server.support;

import io.promptmanager.core.user.User;

import java.util.UUID;

/** A test user and one API key of theirs. */
public record Account(User user, String key, UUID keyId) {
    public UUID id() {
        return user.id();
    }

    @Override
    public String toString() {
        return "Account[" + user.email() + ", key " + keyId + "]";
    }
}
