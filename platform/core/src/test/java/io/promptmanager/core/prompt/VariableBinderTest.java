package io.promptmanager.core.prompt;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VariableBinderTest {
    private final VariableBinder binder = new VariableBinder();
    private final List<VariableDeclaration> declared = List.of(
            new VariableDeclaration("topic", "string", true, null, null),
            new VariableDeclaration("count", "number", true, null, null),
            new VariableDeclaration("formal", "boolean", false, false, null),
            new VariableDeclaration("tone", "string", false, "friendly", null),
            new VariableDeclaration("note", "string", false, null, null));

    @Test
    void bindsGivenValuesAndFillsDefaults() {
        // when
        Map<String, Object> bound = binder.bind(declared, Map.of("topic", "cats", "count", new BigDecimal("3")));

        // then
        assertThat(bound).containsEntry("topic", "cats").containsEntry("count", new BigDecimal("3"))
                .containsEntry("formal", false).containsEntry("tone", "friendly").containsEntry("note", "");
    }

    @Test
    void acceptsAnyJavaNumberForANumberAndNormalisesIt() {
        Map<String, Object> bound = binder.bind(declared, Map.of("topic", "x", "count", 7));

        assertThat(bound.get("count")).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void namesTheMissingTheUndeclaredAndTheMistypedVariablesInOneError() {
        // given: topic missing, count given as text, formal given as text, "extra" not declared
        Map<String, Object> given = new HashMap<>();
        given.put("count", "3");
        given.put("formal", "yes");
        given.put("extra", 1);

        // when
        DomainException e = catchThrowableOfType(DomainException.class, () -> binder.bind(declared, given));

        // then
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("variables.topic", "variables.count", "variables.formal", "variables.extra");
        assertThat(e.violations()).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("must be a number"))
                .anySatisfy(m -> assertThat(m).contains("must be a boolean"))
                .anySatisfy(m -> assertThat(m).contains("not declared"));
    }

    @Test
    void treatsANullValueAsAbsent() {
        Map<String, Object> given = new HashMap<>();
        given.put("topic", "x");
        given.put("count", 1);
        given.put("tone", null);

        assertThat(binder.bind(declared, given)).containsEntry("tone", "friendly");
    }
}
