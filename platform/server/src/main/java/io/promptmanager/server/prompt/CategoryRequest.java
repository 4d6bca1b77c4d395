package io.promptmanager.server.prompt;

/** {@code {"name"}}: create or rename a category. */
public record CategoryRequest(String name) {
}
