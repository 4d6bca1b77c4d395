package io.promptmanager.server.prompt;

import java.util.Map;

/** {@code {"variables":{…}}}: the values to fill in; an absent body means no variables. */
public record RenderRequest(Map<String, Object> variables) {
    static final RenderRequest NONE = new RenderRequest(Map.of());

    Map<String, Object> values() {
        return variables == null ? Map.of() : variables;
    }
}
