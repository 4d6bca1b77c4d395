package io.promptmanager.core.execution;

import java.util.Map;

/**
 * What to run.
 *
 * @param variables values of the version's variables; null means none
 * @param version   the version number to run, or null for the PRODUCTION version
 * @param stream    true to receive the text as it is generated
 * @param provider  the provider of {@code model}, or null for the one provider offering it
 * @param model     a model to run instead of the version's, or null for the version's own; the
 *                  plan's model rule applies to it as to the version's
 */
public record ExecutionRequest(Map<String, Object> variables, Integer version, boolean stream, String provider,
                               String model) {
    public ExecutionRequest {
        variables = variables == null ? Map.of() : variables;
    }

    /** On the version's own model. */
    public ExecutionRequest(Map<String, Object> variables, Integer version, boolean stream) {
        this(variables, version, stream, null, null);
    }

    /** The PRODUCTION version, not streamed. */
    public static ExecutionRequest production(Map<String, Object> variables) {
        return new ExecutionRequest(variables, null, false);
    }
}
