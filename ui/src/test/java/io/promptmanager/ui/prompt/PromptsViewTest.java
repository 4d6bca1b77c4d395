package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.grid.GridTester;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.Prompt;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.prompt.VariableDeclaration;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromptsViewTest extends ConsoleBrowserlessTest {

    @Test
    void listsOnlyTheSignedInUsersPromptsWithTheirDetails() {
        // given
        User ada = newUser("Ada");
        Actor actor = Actor.console(ada);
        services().categoryService().create(actor, "support");
        services().promptService().create(actor,
                new PromptInput("greeting", "Greets a new customer", "support", List.of("welcome", "email")));
        services().versionService().create(actor, "greeting", version("Hello {{name}}"));
        services().versionService().promote(actor, "greeting", 1);
        services().promptService().create(Actor.console(newUser("Eve")),
                new PromptInput("eves-secret", "Not for Ada", null, List.of()));

        // when
        signIn(ada);

        // then
        GridTester<Grid<Prompt>, Prompt> grid = test(promptGrid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(cells(grid, 0)).containsExactly("greeting", "Greets a new customer", "support", "welcome, email", "v1");
        assertThat(grid.getCellText(0, 5)).isNotBlank();
    }

    @Test
    void searchKeepsThePromptsWhoseNameOrDescriptionMatches() {
        // given
        User grace = newUser("Grace");
        Actor actor = Actor.console(grace);
        services().promptService().create(actor, new PromptInput("summarise-ticket", "Summarises a ticket", null, List.of()));
        services().promptService().create(actor, new PromptInput("translate", "Translates text to French", null, List.of()));
        signIn(grace);

        // when
        test(find(TextField.class).id("search")).setValue("french");

        // then
        GridTester<Grid<Prompt>, Prompt> grid = test(promptGrid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo("translate");
    }

    @Test
    void emptyListSaysWhatToDoNext() {
        // when
        signIn(newUser("Newcomer"));

        // then
        assertThat(test(promptGrid()).size()).isZero();
        assertThat(find(Paragraph.class).id("prompts-empty").getText())
                .isEqualTo("You have no prompts yet. Click “New prompt” to write your first one.");
    }

    @Test
    void searchWithoutResultSaysSo() {
        // given
        User user = newUser("Searcher");
        services().promptService().create(Actor.console(user), new PromptInput("alpha", null, null, List.of()));
        signIn(user);

        // when
        test(find(TextField.class).id("search")).setValue("zebra");

        // then
        assertThat(test(promptGrid()).size()).isZero();
        assertThat(find(Paragraph.class).id("prompts-empty").getText())
                .isEqualTo("No prompt matches “zebra”. Try other words or clear the search.");
    }

    @Test
    void newPromptDialogCreatesThePromptAndListsIt() {
        // given
        User user = newUser("Writer");
        signIn(user);

        // when
        test(find(Button.class).id("new-prompt")).click();
        test(find(TextField.class).id("prompt-name")).setValue("release-notes");
        test(find(TextArea.class).id("prompt-description")).setValue("Writes release notes");
        test(find(TextField.class).id("prompt-tags")).setValue("docs, weekly");
        test(find(Button.class).id("prompt-save")).click();

        // then
        Prompt created = services().promptService().get(Actor.console(user), "release-notes");
        assertThat(created.tags()).containsExactly("docs", "weekly");
        GridTester<Grid<Prompt>, Prompt> grid = test(promptGrid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo("release-notes");
    }

    @Test
    void newPromptWithATakenNameIsShownOnTheNameField() {
        // given
        User user = newUser("Duplicator");
        services().promptService().create(Actor.console(user), new PromptInput("taken", null, null, List.of()));
        signIn(user);

        // when
        test(find(Button.class).id("new-prompt")).click();
        test(find(TextField.class).id("prompt-name")).setValue("taken");
        test(find(Button.class).id("prompt-save")).click();

        // then
        TextField name = find(TextField.class).id("prompt-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("You already have a prompt with this name.");
    }

    @SuppressWarnings("unchecked")
    private Grid<Prompt> promptGrid() {
        return find(Grid.class).id("prompts");
    }

    private static List<String> cells(GridTester<Grid<Prompt>, Prompt> grid, int row) {
        return List.of(grid.getCellText(row, 0), grid.getCellText(row, 1), grid.getCellText(row, 2),
                grid.getCellText(row, 3), grid.getCellText(row, 4));
    }

    private static VersionInput version(String userTemplate) {
        return new VersionInput(List.of(new Message("user", userTemplate)),
                List.of(new VariableDeclaration("name", "string", true, null, "Customer name")), "openai/gpt-4o-mini",
                ModelParameters.none(), "first version");
    }
}
