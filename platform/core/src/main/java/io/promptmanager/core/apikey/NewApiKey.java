package io.promptmanager.core.apikey;

import java.time.Instant;
import java.util.Set;

/** A key to create: a name, an optional expiry, and its scopes (empty = every scope). */
public record NewApiKey(String name, Instant expiresAt, Set<Scope> scopes) {
}
