package io.promptmanager.server.execution;

import io.promptmanager.core.execution.ExecutionRequest;

import java.util.Map;

/**
 * {@code {"variables":{…},"version":n,"stream":bool}}; every field is optional (no variables,
 * the PRODUCTION version, a JSON answer).
 */
public record RunRequest(Map<String, Object> variables, Integer version, Boolean stream) {
    static final RunRequest NONE = new RunRequest(null, null, null);

    ExecutionRequest toRequest(boolean streamed) {
        return new ExecutionRequest(variables, version, streamed);
    }

    boolean streamAsked() {
        return Boolean.TRUE.equals(stream);
    }
}
