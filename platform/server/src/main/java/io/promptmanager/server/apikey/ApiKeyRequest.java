package io.promptmanager.server.apikey;

import io.promptmanager.core.apikey.NewApiKey;
import io.promptmanager.core.apikey.Scope;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code {"name","expiresAt","scopes"}}: scopes by wire name ({@code prompts:read} …); none = every scope. */
public record ApiKeyRequest(String name, Instant expiresAt, List<String> scopes) {
    public NewApiKey toNewApiKey() {
        Set<Scope> parsed = new LinkedHashSet<>();
        if (scopes != null) {
            scopes.forEach(scope -> parsed.add(Scope.fromWireName(scope)));
        }
        return new NewApiKey(name, expiresAt, parsed);
    }
}
