package io.promptmanager.core.user;

import java.util.UUID;

/**
 * Told after a change of an account's plan, role or disabled flag was committed, so what this
 * node caches about the account (its API keys) is dropped at once.
 */
@FunctionalInterface
public interface AccountChangeListener {
    AccountChangeListener NONE = userId -> { };

    void accountChanged(UUID userId);
}
