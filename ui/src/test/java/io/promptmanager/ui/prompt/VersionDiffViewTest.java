package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.VariableDeclaration;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.user.Actor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VersionDiffViewTest extends PromptPageTestBase {

    @Test
    void showsRemovedLinesLeftAndAddedLinesRightForEachChangedField() {
        // given
        Actor actor = signedInOwnerOf("letter");
        version(actor, "Dear {{name}},\nThanks for writing.\nBest regards", null);
        version(actor, "Dear {{name}},\nThank you for your message.\nBest regards\nThe team", new BigDecimal("0.3"));

        // when
        open("prompts/letter/diff", Map.of("from", "1", "to", "2"));

        // then
        assertThat(find(H3.class).all()).extracting(H3::getText)
                .containsExactly("Message 1 · content", "Temperature", "Commit message");
        SideBySideDiff content = find(SideBySideDiff.class).id("diff-0");
        assertThat(content.getElement().getAttribute("data-field")).isEqualTo("messages[0].content");
        List<Pre> cells = find(Pre.class, content).all();
        assertThat(cells).hasSize(8);
        assertCell(cells.get(0), "unchanged", "  Dear {{name}},");
        assertCell(cells.get(1), "unchanged", "  Dear {{name}},");
        assertCell(cells.get(2), "removed", "− Thanks for writing.");
        assertThat(cells.get(2).getClassNames()).contains(LumoUtility.Background.ERROR_10);
        assertCell(cells.get(3), "added", "+ Thank you for your message.");
        assertThat(cells.get(3).getClassNames()).contains(LumoUtility.Background.SUCCESS_10);
        assertCell(cells.get(4), "unchanged", "  Best regards");
        assertCell(cells.get(6), "empty", "");
        assertCell(cells.get(7), "added", "+ The team");
        List<Pre> temperature = find(Pre.class, find(SideBySideDiff.class).id("diff-1")).all();
        assertCell(temperature.get(0), "empty", "");
        assertCell(temperature.get(1), "added", "+ 0.3");
    }

    @Test
    void withoutVersionsInTheAddressComparesTheTwoNewest() {
        // given
        Actor actor = signedInOwnerOf("latest");
        version(actor, "One", null);
        version(actor, "Two", null);
        version(actor, "Three", null);

        // when
        open("prompts/latest/diff", Map.of());

        // then
        assertThat(find(Paragraph.class).id("page-subtitle").getText()).startsWith("Changes from v2 to v3");
        List<Pre> cells = find(Pre.class, find(SideBySideDiff.class).id("diff-0")).all();
        assertCell(cells.get(0), "removed", "− Two");
        assertCell(cells.get(1), "added", "+ Three");
    }

    @Test
    void sameVersionTwiceIsIdentical() {
        // given
        Actor actor = signedInOwnerOf("twin");
        version(actor, "Only", null);
        version(actor, "Other", null);

        // when
        open("prompts/twin/diff", Map.of("from", "2", "to", "2"));

        // then
        assertThat(find(Paragraph.class).id("diff-none").getText()).isEqualTo("v2 and v2 are identical.");
        assertThat(find(SideBySideDiff.class).all()).isEmpty();
    }

    @Test
    void textIsShownAsTextNotMarkup() {
        // given
        Actor actor = signedInOwnerOf("markup");
        version(actor, "<b>plain</b>", null);
        version(actor, "<i>plain</i> & more", null);

        // when
        open("prompts/markup/diff", Map.of("from", "1", "to", "2"));

        // then
        List<Pre> cells = find(Pre.class, find(SideBySideDiff.class).id("diff-0")).all();
        assertCell(cells.get(0), "removed", "− <b>plain</b>");
        assertCell(cells.get(1), "added", "+ <i>plain</i> & more");
    }

    @Test
    void unknownVersionIsNotFound() {
        // given
        Actor actor = signedInOwnerOf("short");
        version(actor, "One", null);

        // when
        open("prompts/short/diff", Map.of("from", "1", "to", "9"));

        // then
        assertThat(find(H1.class).id("error-title").getText()).isEqualTo("Page not found");
    }

    @Test
    void promptWithOneVersionHasNothingToCompare() {
        // given
        Actor actor = signedInOwnerOf("single");
        version(actor, "One", null);

        // when
        open("prompts/single/diff", Map.of());

        // then
        assertThat(find(Paragraph.class).id("diff-none").getText())
                .isEqualTo("This prompt has fewer than two versions: there is nothing to compare yet.");
    }

    private static void assertCell(Pre cell, String change, String text) {
        assertThat(cell.getElement().getAttribute("data-change")).isEqualTo(change);
        assertThat(cell.getText()).isEqualTo(text);
    }

    private static void version(Actor actor, String content, BigDecimal temperature) {
        boolean templated = content.contains("{{name}}");
        services().versionService().create(actor, promptOf(actor), new VersionInput(List.of(new Message("user", content)),
                templated ? List.of(new VariableDeclaration("name", "string", true, null, null)) : List.of(),
                FREE_MODEL, new ModelParameters(temperature, null, null, null, null, null, null),
                "commit " + content.length()));
    }

    private static String promptOf(Actor actor) {
        return services().promptService().list(actor, null, PageRequest.firstPage())
                .items().getFirst().name();
    }
}
