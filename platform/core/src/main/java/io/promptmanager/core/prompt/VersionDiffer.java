package io.promptmanager.core.prompt;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.promptmanager.core.common.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions, field by field, each with a unified diff (java-diff-utils).
 * A field present on one side only has a null before or after.
 */
final class VersionDiffer {
    private static final int CONTEXT_LINES = 3;

    VersionDiff diff(PromptVersion from, PromptVersion to) {
        List<VersionDiff.FieldChange> changes = new ArrayList<>();
        Changes collector = new Changes(from.number(), to.number(), changes);
        int messages = Math.max(from.messages().size(), to.messages().size());
        for (int i = 0; i < messages; i++) {
            Message before = i < from.messages().size() ? from.messages().get(i) : null;
            Message after = i < to.messages().size() ? to.messages().get(i) : null;
            collector.add("messages[" + i + "].role", before == null ? null : before.role(),
                    after == null ? null : after.role());
            collector.add("messages[" + i + "].content", before == null ? null : before.content(),
                    after == null ? null : after.content());
        }
        collector.add("variables", variables(from.variables()), variables(to.variables()));
        collector.add("provider", from.provider(), to.provider());
        collector.add("model", from.model(), to.model());
        parameter(collector, "temperature", from, to, p -> decimal(p.temperature()));
        parameter(collector, "maxTokens", from, to, p -> text(p.maxTokens()));
        parameter(collector, "topP", from, to, p -> decimal(p.topP()));
        parameter(collector, "frequencyPenalty", from, to, p -> decimal(p.frequencyPenalty()));
        parameter(collector, "presencePenalty", from, to, p -> decimal(p.presencePenalty()));
        parameter(collector, "stop", from, to, p -> p.stop() == null ? null : String.join("\n", p.stop()));
        parameter(collector, "seed", from, to, p -> text(p.seed()));
        collector.add("commitMessage", from.commitMessage(), to.commitMessage());
        return new VersionDiff(from.number(), to.number(), List.copyOf(changes));
    }

    private static void parameter(Changes collector, String name, PromptVersion from, PromptVersion to,
                                  Function<ModelParameters, String> value) {
        collector.add("parameters." + name, value.apply(from.parameters()), value.apply(to.parameters()));
    }

    /** One line per variable, so the diff shows which declaration changed. */
    private static String variables(List<VariableDeclaration> variables) {
        if (variables.isEmpty()) {
            return null;
        }
        return variables.stream().map(v -> v.name() + ": " + v.type()
                        + (v.required() ? ", required" : ", optional")
                        + (v.defaultValue() == null ? "" : ", default " + Json.write(v.defaultValue()))
                        + (v.description() == null ? "" : " — " + v.description()))
                .collect(Collectors.joining("\n"));
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private record Changes(int from, int to, List<VersionDiff.FieldChange> changes) {
        void add(String field, String before, String after) {
            if (Objects.equals(before, after)) {
                return;
            }
            List<String> beforeLines = lines(before);
            List<String> afterLines = lines(after);
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("v" + from + "/" + field,
                    "v" + to + "/" + field, beforeLines, DiffUtils.diff(beforeLines, afterLines), CONTEXT_LINES);
            changes.add(new VersionDiff.FieldChange(field, before, after, List.copyOf(unified)));
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : text.lines().toList();
        }
    }
}
