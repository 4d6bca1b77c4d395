package io.promptmanager.core.execution;

import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.user.Actor;

/**
 * The plan's model rule: the model {@code modelId} of provider {@code providerId} (null: of the one
 * provider offering it) when the actor may run it; PLAN_REQUIRED for a premium model on FREE;
 * VALIDATION_FAILED when the provider does not offer it. Thread-safe. (Same contract as
 * ModelService#requireAllowed.)
 */
@FunctionalInterface
public interface ModelAccess {
    CatalogModel requireAllowed(Actor actor, String providerId, String modelId);
}
