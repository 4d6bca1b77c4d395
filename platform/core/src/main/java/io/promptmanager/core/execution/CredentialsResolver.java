package io.promptmanager.core.execution;

import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.user.Actor;

/**
 * Chooses whose key a run uses: the user's own active key for the model's provider (billing
 * BYOK), otherwise the platform's key (billing SYSTEM). Called once per run, before its quota
 * unit is taken; may throw a DomainException to refuse the run. Thread-safe.
 */
@FunctionalInterface
public interface CredentialsResolver {
    /** Always the platform's key: the resolver until users can bring their own. */
    CredentialsResolver SYSTEM_KEY = (actor, model) -> ResolvedCredentials.SYSTEM;

    ResolvedCredentials resolve(Actor actor, CatalogModel model);
}
