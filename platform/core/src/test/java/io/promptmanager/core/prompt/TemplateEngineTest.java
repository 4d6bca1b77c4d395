package io.promptmanager.core.prompt;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateEngineTest {
    private final TemplateEngine engine = new TemplateEngine();

    @Test
    void collectsEveryVariableNameIncludingSectionsInOrderOfFirstUse() {
        // when
        var compiled = engine.compile("Hi {{name}}! {{#formal}}Dear {{title}}{{/formal}}{{^formal}}Hey{{/formal}} {{name}}");

        // then
        assertThat(compiled.variables()).containsExactly("name", "formal", "title");
    }

    @Test
    void rendersWithoutHtmlEscaping() {
        // given
        var compiled = engine.compile("Say {{snippet}} & {{{snippet}}}");

        // when
        String text = compiled.render(Map.of("snippet", "<b>&\"'"));

        // then
        assertThat(text).isEqualTo("Say <b>&\"' & <b>&\"'");
    }

    @Test
    void rendersNumbersPlainlyAndBooleanSections() {
        // given
        var compiled = engine.compile("{{n}} items{{#urgent}}, urgent{{/urgent}}{{#quiet}}, quiet{{/quiet}}");

        // when
        String text = compiled.render(Map.of("n", new BigDecimal("1E+3"), "urgent", true, "quiet", false));

        // then
        assertThat(text).isEqualTo("1000 items, urgent");
    }

    @Test
    void failsOnASyntaxErrorWithAMessageNamingTheProblem() {
        assertThatThrownBy(() -> engine.compile("Hello {{#open}} never closed"))
                .isInstanceOf(TemplateEngine.TemplateSyntaxException.class)
                .hasMessageContaining("open");
    }

    @Test
    void refusesPartials() {
        assertThatThrownBy(() -> engine.compile("{{> header}} body"))
                .isInstanceOf(TemplateEngine.TemplateSyntaxException.class)
                .hasMessageContaining("partials");
    }

    @Test
    void leavesTextWithoutTagsUntouched() {
        var compiled = engine.compile("No variables here: { single } braces & <tags>");

        assertThat(compiled.variables()).isEmpty();
        assertThat(compiled.render(Map.of())).isEqualTo("No variables here: { single } braces & <tags>");
    }
}
