package io.promptmanager.core.execution;

/** How a run that reached a provider ended. */
public enum ExecutionStatus {
    SUCCEEDED, FAILED
}
