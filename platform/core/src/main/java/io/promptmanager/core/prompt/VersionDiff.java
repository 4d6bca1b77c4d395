package io.promptmanager.core.prompt;

import java.util.List;

/** What changed from version {@code from} to {@code to}: one entry per changed field. */
public record VersionDiff(int from, int to, List<FieldChange> changes) {
    /**
     * A changed field ({@code messages[0].content}, {@code provider}, {@code model}, {@code parameters.temperature}…)
     * with its old and new text and a unified diff of the two.
     */
    public record FieldChange(String field, String before, String after, List<String> unifiedDiff) {
    }
}
