package io.promptmanager.core.execution;

import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.user.Actor;

/**
 * The plan's model rule: the model {@code modelId} when the actor may run it; PLAN_REQUIRED for
 * a premium model on FREE; VALIDATION_FAILED (field {@code model}) when no provider offers it.
 * Thread-safe. (Same contract as ModelService#requireAllowed, which replaces the default.)
 */
@FunctionalInterface
public interface ModelAccess {
    CatalogModel requireAllowed(Actor actor, String modelId);
}
