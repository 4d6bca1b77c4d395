package io.promptmanager.core.prompt;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VersionRulesTest {
    private final VersionRules rules = new VersionRules(new TemplateEngine());

    @Test
    void acceptsAValidVersionAndReturnsItInCanonicalForm() {
        // given
        VersionInput input = new VersionInput(
                List.of(new Message("system", "Be brief."), new Message("user", "About {{topic}}, {{n}} lines")),
                List.of(new VariableDeclaration("topic", "string", true, null, " the subject "),
                        new VariableDeclaration("n", "number", false, 3, null)),
                " openai/gpt-4o-mini ", null, null);

        // when
        VersionInput valid = rules.validate(input);

        // then
        assertThat(valid.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(valid.parameters()).isEqualTo(ModelParameters.none());
        assertThat(valid.commitMessage()).isEmpty();
        assertThat(valid.variables().get(0).description()).isEqualTo("the subject");
        assertThat(valid.variables().get(1).defaultValue()).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void reportsEveryProblemAtOnceOnJsonPaths() {
        // given
        VersionInput input = new VersionInput(
                List.of(new Message("system", "  "), new Message("robot", "{{undeclared}} and {{ok}}")),
                List.of(new VariableDeclaration("1bad", "string", false, null, null),
                        new VariableDeclaration("ok", "text", false, null, null),
                        new VariableDeclaration("flag", "boolean", false, "yes", null),
                        new VariableDeclaration("ok", "string", false, null, null)),
                " ",
                new ModelParameters(new BigDecimal("2.1"), 0, new BigDecimal("-0.1"), new BigDecimal("-3"),
                        new BigDecimal("2"), List.of("a", "b", "c", "d", "e"), null),
                "x".repeat(501));

        // when
        DomainException e = catchThrowableOfType(DomainException.class, () -> rules.validate(input));

        // then
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "variables[0].name", "variables[1].type", "variables[2].default", "variables[3].name",
                "messages[0].content", "messages[1].role", "messages[1].content",
                "model", "parameters.temperature", "parameters.topP", "parameters.frequencyPenalty",
                "parameters.maxTokens", "parameters.stop", "commitMessage");
        assertThat(e.violations()).filteredOn(v -> v.field().equals("messages[1].content"))
                .extracting(Violation::message).containsExactly("uses the undeclared variable 'undeclared'");
    }

    @Test
    void refusesATemplateSyntaxErrorOnThatMessagesContent() {
        VersionInput input = new VersionInput(List.of(new Message("user", "ok"), new Message("user", "{{#a}} open")),
                List.of(new VariableDeclaration("a", "boolean", false, null, null)), "m", null, null);

        DomainException e = catchThrowableOfType(DomainException.class, () -> rules.validate(input));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("messages[1].content");
            assertThat(v.message()).startsWith("template error:");
        });
    }

    @Test
    void limitsMessagesToBetweenOneAndFifty() {
        VersionInput none = new VersionInput(List.of(), List.of(), "m", null, null);
        VersionInput tooMany = new VersionInput(Collections.nCopies(51, new Message("user", "x")), List.of(), "m",
                null, null);

        assertThat(catchThrowableOfType(DomainException.class, () -> rules.validate(none)).violations())
                .extracting(Violation::field).containsExactly("messages");
        assertThat(catchThrowableOfType(DomainException.class, () -> rules.validate(tooMany)).violations())
                .extracting(Violation::field).containsExactly("messages");
        assertThat(rules.validate(new VersionInput(Collections.nCopies(50, new Message("user", "x")), null, "m",
                null, null)).messages()).hasSize(50);
    }

    @Test
    void limitsContentToOneHundredThousandCharacters() {
        VersionInput atLimit = new VersionInput(List.of(new Message("user", "x".repeat(100_000))), null, "m", null, null);
        VersionInput over = new VersionInput(List.of(new Message("user", "x".repeat(100_001))), null, "m", null, null);

        assertThat(rules.validate(atLimit).messages()).hasSize(1);
        assertThat(catchThrowableOfType(DomainException.class, () -> rules.validate(over)).violations())
                .extracting(Violation::field).containsExactly("messages[0].content");
    }

    @Test
    void acceptsParameterBoundsInclusive() {
        ModelParameters edges = new ModelParameters(new BigDecimal("2"), 1, BigDecimal.ONE, new BigDecimal("-2"),
                new BigDecimal("2"), List.of("a", "b", "c", "d"), 42L);

        VersionInput valid = rules.validate(new VersionInput(List.of(new Message("user", "x")), null, "m", edges, null));

        assertThat(valid.parameters()).isEqualTo(edges);
    }
}
