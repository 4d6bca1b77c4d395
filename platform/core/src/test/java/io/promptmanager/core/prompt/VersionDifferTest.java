package io.promptmanager.core.prompt;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VersionDifferTest {
    private final VersionDiffer differ = new VersionDiffer();

    @Test
    void reportsEachChangedFieldWithAUnifiedDiff() {
        // given
        PromptVersion v1 = version(1, List.of(new Message("system", "You are terse.\nAnswer in English."),
                        new Message("user", "Tell me about {{topic}}")),
                new ModelParameters(new BigDecimal("0.7"), 100, null, null, null, null, null), "first");
        PromptVersion v2 = version(2, List.of(new Message("system", "You are terse.\nAnswer in French.")),
                new ModelParameters(new BigDecimal("0.70"), 200, BigDecimal.ONE, null, null, List.of("END"), null),
                "second");

        // when
        VersionDiff diff = differ.diff(v1, v2);

        // then
        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isEqualTo(2);
        assertThat(diff.changes()).extracting(VersionDiff.FieldChange::field).containsExactly(
                "messages[0].content", "messages[1].role", "messages[1].content",
                "parameters.maxTokens", "parameters.topP", "parameters.stop", "commitMessage");
        VersionDiff.FieldChange system = diff.changes().getFirst();
        assertThat(system.before()).isEqualTo("You are terse.\nAnswer in English.");
        assertThat(system.after()).isEqualTo("You are terse.\nAnswer in French.");
        assertThat(system.unifiedDiff()).containsExactly(
                "--- v1/messages[0].content", "+++ v2/messages[0].content", "@@ -1,2 +1,2 @@",
                " You are terse.", "-Answer in English.", "+Answer in French.");
        VersionDiff.FieldChange removed = diff.changes().get(2);
        assertThat(removed.before()).isEqualTo("Tell me about {{topic}}");
        assertThat(removed.after()).isNull();
        assertThat(removed.unifiedDiff()).contains("-Tell me about {{topic}}");
    }

    @Test
    void reportsVariableAndModelChanges() {
        PromptVersion v1 = version(1, List.of(new Message("user", "{{a}}")), ModelParameters.none(), "");
        PromptVersion v2 = new PromptVersion(v1.id(), "p", 2, VersionStatus.DRAFT, v1.messages(),
                List.of(new VariableDeclaration("a", "number", false, new BigDecimal("2"), "how many")),
                "other/model", v1.parameters(), "", v1.authorId(), v1.createdAt(), v1.updatedAt());

        VersionDiff diff = differ.diff(v1, v2);

        assertThat(diff.changes()).extracting(VersionDiff.FieldChange::field).containsExactly("variables", "model");
        assertThat(diff.changes().getFirst().before()).isEqualTo("a: string, required");
        assertThat(diff.changes().getFirst().after()).isEqualTo("a: number, optional, default 2 — how many");
        assertThat(diff.changes().get(1).unifiedDiff()).contains("-openai/gpt-4o-mini", "+other/model");
    }

    @Test
    void reportsAChangeOfProviderForTheSameModel() {
        PromptVersion v1 = version(1, List.of(new Message("user", "hi")), ModelParameters.none(), "");
        PromptVersion v2 = new PromptVersion(v1.id(), "p", 2, VersionStatus.DRAFT, v1.messages(), v1.variables(),
                "openai-compatible", v1.model(), v1.parameters(), "", v1.authorId(), v1.createdAt(), v1.updatedAt());
        PromptVersion v1OnOpenRouter = new PromptVersion(v1.id(), "p", 1, VersionStatus.DRAFT, v1.messages(),
                v1.variables(), "openrouter", v1.model(), v1.parameters(), "", v1.authorId(), v1.createdAt(),
                v1.updatedAt());

        VersionDiff diff = differ.diff(v1OnOpenRouter, v2);

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("provider");
            assertThat(change.before()).isEqualTo("openrouter");
            assertThat(change.after()).isEqualTo("openai-compatible");
        });
    }

    @Test
    void findsNoChangeBetweenIdenticalContent() {
        PromptVersion v1 = version(1, List.of(new Message("user", "hi")), ModelParameters.none(), "same");
        PromptVersion v2 = version(2, List.of(new Message("user", "hi")), ModelParameters.none(), "same");

        assertThat(differ.diff(v1, v2).changes()).isEmpty();
    }

    private static PromptVersion version(int number, List<Message> messages, ModelParameters parameters,
                                         String commitMessage) {
        return new PromptVersion(UUID.randomUUID(), "p", number, VersionStatus.DRAFT, messages,
                List.of(new VariableDeclaration("a", "string", true, null, null)), "openai/gpt-4o-mini",
                parameters, commitMessage, UUID.randomUUID(), Instant.EPOCH, Instant.EPOCH);
    }
}
