package io.promptmanager.core.cache;

import java.util.Optional;
import java.util.UUID;

/** Reading notification payloads. */
public final class Payloads {
    private Payloads() {
    }

    /** The user id a payload names; empty when it is anything else (the target should then drop everything). */
    public static Optional<UUID> userId(String payload) {
        try {
            return payload == null ? Optional.empty() : Optional.of(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
