package io.promptmanager.core.execution;

import java.util.Map;

/**
 * What to run.
 *
 * @param variables values of the version's variables; null means none
 * @param version   the version number to run, or null for the PRODUCTION version
 * @param stream    true to receive the text as it is generated
 */
public record ExecutionRequest(Map<String, Object> variables, Integer version, boolean stream) {
    public ExecutionRequest {
        variables = variables == null ? Map.of() : variables;
    }

    /** The PRODUCTION version, not streamed. */
    public static ExecutionRequest production(Map<String, Object> variables) {
        return new ExecutionRequest(variables, null, false);
    }
}
