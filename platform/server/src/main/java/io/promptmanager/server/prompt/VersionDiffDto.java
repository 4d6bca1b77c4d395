package io.promptmanager.server.prompt;

import io.promptmanager.core.prompt.VersionDiff;

import java.util.List;

/** What changed from version {@code from} to {@code to}, one entry per changed field with a unified diff. */
public record VersionDiffDto(int from, int to, List<FieldChangeDto> changes) {
    static VersionDiffDto from(VersionDiff diff) {
        return new VersionDiffDto(diff.from(), diff.to(), diff.changes().stream()
                .map(c -> new FieldChangeDto(c.field(), c.before(), c.after(), c.unifiedDiff())).toList());
    }

    public record FieldChangeDto(String field, String before, String after, List<String> unifiedDiff) {
    }
}
