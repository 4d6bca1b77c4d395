package io.promptmanager.core.db;

/**
 * One data-modifying statement ({@code INSERT}, {@code UPDATE} or {@code DELETE}, without
 * {@code RETURNING}) and its parameters, to be sent together with others by
 * {@link Transactions#writeAll}. Its text must be a constant, so the combined statement is the
 * same text every time and PostgreSQL prepares it once per connection.
 */
public record SqlWrite(String sql, Object... parameters) {
}
