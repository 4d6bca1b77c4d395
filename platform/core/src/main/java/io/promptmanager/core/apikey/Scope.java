package io.promptmanager.core.apikey;

import io.promptmanager.core.common.DomainException;

import java.util.Arrays;

/** What an API key may do; the wire name is what clients send and see. */
public enum Scope {
    PROMPTS_READ("prompts:read"),
    PROMPTS_WRITE("prompts:write"),
    EXECUTIONS_RUN("executions:run"),
    ANALYTICS_READ("analytics:read"),
    KEYS_MANAGE("keys:manage");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Scope fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst()
                .orElseThrow(() -> DomainException.invalid("scopes", "unknown scope '" + name + "'"));
    }
}
