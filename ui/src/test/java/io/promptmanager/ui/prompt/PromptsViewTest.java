package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.Prompt;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.prompt.VariableDeclaration;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(names(grid)).containsExactly("greeting");
        assertThat(List.of(grid.getCellText(0, 1), grid.getCellText(0, 2), grid.getCellText(0, 3),
                grid.getCellText(0, 4))).containsExactly("Greets a new customer", "support", "welcome, email", "v1");
        assertThat(grid.getCellText(0, 5)).isNotBlank();
        RouterLink open = (RouterLink) grid.getCellComponent(0, "name");
        assertThat(open.getHref()).isEqualTo("prompts/greeting");
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
        assertThat(names(test(promptGrid()))).containsExactly("translate");
    }

    @Test
    void categoryFilterKeepsThatCategorysPrompts() {
        // given
        User user = newUser("Sorter");
        Actor actor = Actor.console(user);
        services().categoryService().create(actor, "support");
        services().categoryService().create(actor, "marketing");
        services().promptService().create(actor, new PromptInput("triage", null, "support", List.of()));
        services().promptService().create(actor, new PromptInput("slogan", null, "marketing", List.of()));
        services().promptService().create(actor, new PromptInput("loose", null, null, List.of()));
        signIn(user);

        // when
        test(categoryFilter()).selectItem("support");

        // then
        assertThat(names(test(promptGrid()))).containsExactly("triage");
    }

    @Test
    void statusFilterKeepsPromptsWithAVersionInThatStatus() {
        // given
        User user = newUser("Releaser");
        Actor actor = Actor.console(user);
        services().promptService().create(actor, new PromptInput("live", null, null, List.of()));
        services().versionService().create(actor, "live", version("Hi {{name}}"));
        services().versionService().promote(actor, "live", 1);
        services().promptService().create(actor, new PromptInput("unreleased", null, null, List.of()));
        services().versionService().create(actor, "unreleased", version("Hey {{name}}"));
        signIn(user);

        // when
        test(statusFilter()).selectItem("Has a production version");

        // then
        assertThat(names(test(promptGrid()))).containsExactly("live");

        // when
        test(statusFilter()).selectItem("Has a draft");

        // then
        assertThat(names(test(promptGrid()))).containsExactly("unreleased");
    }

    @Test
    void tagFilterKeepsPromptsWithThatTagWhateverItsCase() {
        // given
        User user = newUser("Tagger");
        Actor actor = Actor.console(user);
        services().promptService().create(actor, new PromptInput("weekly-notes", null, null, List.of("docs", "weekly")));
        services().promptService().create(actor, new PromptInput("changelog", null, null, List.of("docs")));
        services().promptService().create(actor, new PromptInput("tweet", null, null, List.of("social")));
        signIn(user);

        // when
        test(find(TextField.class).id("filter-tag")).setValue("Docs");

        // then
        assertThat(names(test(promptGrid()))).containsExactlyInAnyOrder("weekly-notes", "changelog");
    }

    @Test
    void addressWithACategoryOpensTheListFilteredByIt() {
        // given
        User user = newUser("Linker");
        Actor actor = Actor.console(user);
        services().categoryService().create(actor, "support");
        services().promptService().create(actor, new PromptInput("triage", null, "support", List.of()));
        services().promptService().create(actor, new PromptInput("other", null, null, List.of()));
        signIn(user);

        // when
        UI.getCurrent().navigate(PromptsView.ROUTE,
                QueryParameters.simple(Map.of("category", "support", "status", "bogus")));

        // then
        assertThat(categoryFilter().getValue()).isEqualTo("support");
        assertThat(statusFilter().getValue()).isNull();
        assertThat(names(test(promptGrid()))).containsExactly("triage");
    }

    @Test
    void addressWithACategoryThatNoLongerExistsMatchesNothingAndOffersToClear() {
        // given
        User user = newUser("Stale");
        services().promptService().create(Actor.console(user), new PromptInput("kept", null, null, List.of()));
        signIn(user);

        // when
        UI.getCurrent().navigate(PromptsView.ROUTE, QueryParameters.simple(Map.of("category", "renamed-since")));

        // then
        assertThat(test(promptGrid()).size()).isZero();
        test(find(Button.class).id("clear-filters")).click();
        assertThat(names(test(promptGrid()))).containsExactly("kept");
    }

    @Test
    void emptyListSaysWhatToDoNext() {
        // when
        signIn(newUser("Newcomer"));

        // then
        assertThat(test(promptGrid()).size()).isZero();
        assertThat(find(Paragraph.class).id("prompts-empty").getText())
                .isEqualTo("You have no prompts yet. Click “New prompt” to write your first one.");
        assertThat(find(Button.class).withId("clear-filters").exists()).isFalse();
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
    void filtersWithoutResultOfferToClearThem() {
        // given
        User user = newUser("Filterer");
        services().promptService().create(Actor.console(user), new PromptInput("alpha", null, null, List.of("one")));
        signIn(user);
        test(find(TextField.class).id("filter-tag")).setValue("two");
        assertThat(test(promptGrid()).size()).isZero();
        assertThat(find(Paragraph.class).id("prompts-empty").getText())
                .isEqualTo("No prompt matches these filters. Change them or clear them to see all your prompts.");

        // when
        test(find(Button.class).id("clear-filters")).click();

        // then
        assertThat(names(test(promptGrid()))).containsExactly("alpha");
        assertThat(find(TextField.class).id("filter-tag").getValue()).isEmpty();
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
        assertThat(names(test(promptGrid()))).containsExactly("release-notes");
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

    @Test
    void invalidNameIsShownOnTheNameFieldAndCreatesNothing() {
        // given
        User user = newUser("Shouter");
        signIn(user);

        // when
        test(find(Button.class).id("new-prompt")).click();
        test(find(TextField.class).id("prompt-name")).setValue("Not A Slug");
        test(find(TextField.class).id("prompt-tags")).setValue("ok, Bad_Tag");
        test(find(Button.class).id("prompt-save")).click();

        // then
        assertThat(find(TextField.class).id("prompt-name").isInvalid()).isTrue();
        assertThat(find(TextField.class).id("prompt-tags").isInvalid()).isTrue();
        assertThat(services().promptService().list(Actor.console(user), null,
                PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    void editChangesNameDescriptionCategoryAndTags() {
        // given
        User user = newUser("Editor");
        Actor actor = Actor.console(user);
        services().categoryService().create(actor, "support");
        services().promptService().create(actor, new PromptInput("draft-name", "Old text", null, List.of("old")));
        signIn(user);

        // when
        test(rowButton(0, "edit-draft-name")).click();
        assertThat(find(TextField.class).id("prompt-name").getValue()).isEqualTo("draft-name");
        assertThat(find(TextField.class).id("prompt-tags").getValue()).isEqualTo("old");
        test(find(TextField.class).id("prompt-name")).setValue("final-name");
        test(find(TextArea.class).id("prompt-description")).setValue("New text");
        test(promptCategory()).selectItem("support");
        test(find(TextField.class).id("prompt-tags")).setValue("new, shiny");
        test(find(Button.class).id("prompt-save")).click();

        // then
        Prompt edited = services().promptService().get(actor, "final-name");
        assertThat(edited.description()).isEqualTo("New text");
        assertThat(edited.category()).isEqualTo("support");
        assertThat(edited.tags()).containsExactly("new", "shiny");
        assertThatThrownBy(() -> services().promptService().get(actor, "draft-name"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(names(test(promptGrid()))).containsExactly("final-name");
    }

    @Test
    void deleteAsksFirstAndCancellingKeepsThePrompt() {
        // given
        User user = newUser("Hesitant");
        Actor actor = Actor.console(user);
        services().promptService().create(actor, new PromptInput("keeper", null, null, List.of()));
        signIn(user);

        // when
        test(rowButton(0, "delete-keeper")).click();
        ConfirmDialog dialog = find(ConfirmDialog.class).id("confirm-dialog");
        assertThat(test(dialog).getText()).contains("“keeper”", "all its versions");
        test(dialog).cancel();

        // then
        assertThat(services().promptService().get(actor, "keeper")).isNotNull();
        assertThat(names(test(promptGrid()))).containsExactly("keeper");
    }

    @Test
    void confirmedDeleteRemovesThePromptAndItsVersions() {
        // given
        User user = newUser("Decided");
        Actor actor = Actor.console(user);
        services().promptService().create(actor, new PromptInput("goner", null, null, List.of()));
        services().versionService().create(actor, "goner", version("Bye {{name}}"));
        signIn(user);

        // when
        test(rowButton(0, "delete-goner")).click();
        test(find(ConfirmDialog.class).id("confirm-dialog")).confirm();

        // then
        assertThatThrownBy(() -> services().versionService().list(actor, "goner"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(test(promptGrid()).size()).isZero();
    }

    private Button rowButton(int row, String id) {
        return find(Button.class, test(promptGrid()).getCellComponent(row, "actions")).id(id);
    }

    @SuppressWarnings("unchecked")
    private Grid<Prompt> promptGrid() {
        return find(Grid.class).id("prompts");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> categoryFilter() {
        return find(ComboBox.class).id("filter-category");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> promptCategory() {
        return find(ComboBox.class).id("prompt-category");
    }

    @SuppressWarnings("unchecked")
    private Select<VersionStatus> statusFilter() {
        return find(Select.class).id("filter-status");
    }

    private static List<String> names(GridTester<Grid<Prompt>, Prompt> grid) {
        return IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).name()).toList();
    }

    static VersionInput version(String userTemplate) {
        return new VersionInput(List.of(new Message("user", userTemplate)),
                List.of(new VariableDeclaration("name", "string", true, null, "Customer name")), "openai/gpt-4o-mini",
                ModelParameters.none(), "first version");
    }
}
