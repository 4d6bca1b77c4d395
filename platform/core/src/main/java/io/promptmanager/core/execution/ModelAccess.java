package io.promptmanager.core.execution;

import io.promptmanager.core.user.Actor;

/**
 * Whether the actor's plan allows a model: PLAN_REQUIRED for a premium model on FREE;
 * MODEL_NOT_AVAILABLE when no provider offers it. Thread-safe.
 */
@FunctionalInterface
public interface ModelAccess {
    void requireAllowed(Actor actor, String modelId);
}
