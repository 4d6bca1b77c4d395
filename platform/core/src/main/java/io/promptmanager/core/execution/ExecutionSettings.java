package io.promptmanager.core.execution;

import java.time.Duration;

/**
 * How runs are executed ({@code executions.*} in the configuration).
 *
 * @param timeout the deadline of one provider call, from its start ({@code executions.timeout})
 */
public record ExecutionSettings(Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public ExecutionSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("executions.timeout must be positive");
        }
    }

    public static ExecutionSettings defaults() {
        return new ExecutionSettings(DEFAULT_TIMEOUT);
    }
}
