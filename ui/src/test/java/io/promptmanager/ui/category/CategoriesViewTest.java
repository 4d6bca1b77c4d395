package io.promptmanager.ui.category;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import io.promptmanager.core.prompt.Category;
import io.promptmanager.core.prompt.Prompt;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CategoriesViewTest extends ConsoleBrowserlessTest {

    @Test
    void listsTheUsersCategoriesWithHowManyPromptsEachHolds() {
        // given
        Actor actor = signedIn("Counter");
        services().categoryService().create(actor, "support");
        services().categoryService().create(actor, "marketing");
        services().promptService().create(actor, new PromptInput("triage", null, "support", List.of()));
        services().promptService().create(actor, new PromptInput("refund", null, "support", List.of()));
        services().promptService().create(actor, new PromptInput("loose", null, null, List.of()));
        services().categoryService().create(Actor.console(newUser("Other")), "not-mine");

        // when
        UI.getCurrent().navigate(CategoriesView.class);

        // then
        GridTester<Grid<Category>, Category> grid = grid();
        assertThat(rows(grid)).containsExactly("marketing: 0", "support: 2");
    }

    @Test
    void emptyListSaysWhatToDoNext() {
        // given
        signedIn("Fresh");

        // when
        UI.getCurrent().navigate(CategoriesView.class);

        // then
        assertThat(find(Paragraph.class).id("categories-empty").getText()).startsWith(
                "You have no categories yet. Click “New category” to create one");
    }

    @Test
    void newCategoryIsCreatedAndOfferedWhenCreatingAPrompt() {
        // given
        Actor actor = signedIn("Maker");
        UI.getCurrent().navigate(CategoriesView.class);

        // when
        test(find(Button.class).id("new-category")).click();
        test(find(TextField.class).id("category-name")).setValue("  research ");
        test(find(Button.class).id("category-save")).click();

        // then
        assertThat(services().categoryService().list(actor)).extracting(Category::name).containsExactly("research");
        assertThat(rows(grid())).containsExactly("research: 0");
        UI.getCurrent().navigate("prompts");
        test(find(Button.class).id("new-prompt")).click();
        @SuppressWarnings("unchecked")
        ComboBox<String> category = find(ComboBox.class).id("prompt-category");
        assertThat(test(category).getSuggestions()).containsExactly("research");
    }

    @Test
    void takenNameIsShownOnTheNameField() {
        // given
        Actor actor = signedIn("Twice");
        services().categoryService().create(actor, "Support");
        UI.getCurrent().navigate(CategoriesView.class);

        // when
        test(find(Button.class).id("new-category")).click();
        test(find(TextField.class).id("category-name")).setValue("support");
        test(find(Button.class).id("category-save")).click();

        // then
        TextField name = find(TextField.class).id("category-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("You already have a category with this name.");
        assertThat(services().categoryService().list(actor)).hasSize(1);
    }

    @Test
    void renameKeepsItsPrompts() {
        // given
        Actor actor = signedIn("Renamer");
        Category category = services().categoryService().create(actor, "suport");
        services().promptService().create(actor, new PromptInput("triage", null, "suport", List.of()));
        UI.getCurrent().navigate(CategoriesView.class);

        // when
        test(rowButton(0, "rename-" + category.id())).click();
        assertThat(find(TextField.class).id("category-name").getValue()).isEqualTo("suport");
        test(find(TextField.class).id("category-name")).setValue("support");
        test(find(Button.class).id("category-save")).click();

        // then
        assertThat(rows(grid())).containsExactly("support: 1");
        assertThat(services().promptService().get(actor, "triage").category()).isEqualTo("support");
    }

    @Test
    void deleteSaysThePromptsAreKeptAndCancellingKeepsTheCategory() {
        // given
        Actor actor = signedIn("Unsure");
        Category category = services().categoryService().create(actor, "support");
        services().promptService().create(actor, new PromptInput("triage", null, "support", List.of()));
        services().promptService().create(actor, new PromptInput("refund", null, "support", List.of()));
        UI.getCurrent().navigate(CategoriesView.class);

        // when
        test(rowButton(0, "delete-" + category.id())).click();
        ConfirmDialog dialog = find(ConfirmDialog.class).id("confirm-dialog");
        assertThat(test(dialog).getText())
                .isEqualTo("Delete the category “support”? Its 2 prompts are kept and become uncategorised.");
        test(dialog).cancel();

        // then
        assertThat(services().categoryService().list(actor)).hasSize(1);
    }

    @Test
    void confirmedDeleteLeavesItsPromptsUncategorised() {
        // given
        Actor actor = signedIn("Tidy");
        Category category = services().categoryService().create(actor, "old");
        services().promptService().create(actor, new PromptInput("kept", null, "old", List.of()));
        UI.getCurrent().navigate(CategoriesView.class);

        // when
        test(rowButton(0, "delete-" + category.id())).click();
        test(find(ConfirmDialog.class).id("confirm-dialog")).confirm();

        // then
        assertThat(services().categoryService().list(actor)).isEmpty();
        Prompt kept = services().promptService().get(actor, "kept");
        assertThat(kept.category()).isNull();
        assertThat(grid().size()).isZero();
    }

    @Test
    void showPromptsLinksToTheListFilteredByTheCategory() {
        // given
        Actor actor = signedIn("Browser");
        Category category = services().categoryService().create(actor, "support");
        services().promptService().create(actor, new PromptInput("triage", null, "support", List.of()));
        services().promptService().create(actor, new PromptInput("other", null, null, List.of()));
        UI.getCurrent().navigate(CategoriesView.class);

        // when
        RouterLink link = find(RouterLink.class, grid().getCellComponent(0, "actions")).id("show-prompts-" + category.id());
        test(link).click();

        // then
        @SuppressWarnings("unchecked")
        Grid<Prompt> prompts = find(Grid.class).id("prompts");
        assertThat(test(prompts).size()).isEqualTo(1);
        assertThat(test(prompts).getRow(0).name()).isEqualTo("triage");
    }

    private Actor signedIn(String name) {
        User user = newUser(name);
        signIn(user);
        return Actor.console(user);
    }

    private Button rowButton(int row, String id) {
        return find(Button.class, grid().getCellComponent(row, "actions")).id(id);
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<Category>, Category> grid() {
        return test(find(Grid.class).id("categories"));
    }

    private static List<String> rows(GridTester<Grid<Category>, Category> grid) {
        return IntStream.range(0, grid.size()).mapToObj(row -> grid.getCellText(row, 0) + ": " + grid.getCellText(row, 1))
                .toList();
    }
}
