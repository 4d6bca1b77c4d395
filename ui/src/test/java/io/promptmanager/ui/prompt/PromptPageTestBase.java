package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VariableDeclaration;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;

import java.util.List;
import java.util.Map;

/** Opening a prompt's pages and reaching into its editor and history, for the prompt page tests. */
abstract class PromptPageTestBase extends ConsoleBrowserlessTest {
    protected static final String FREE_MODEL = FakeModelProvider.FREE_MODEL;

    /** A new signed-in FREE user owning an empty prompt {@code name}. */
    protected Actor signedInOwnerOf(String name) {
        User user = newUser("Owner");
        Actor actor = Actor.console(user);
        services().promptService().create(actor, new PromptInput(name, "What " + name + " does", null, List.of()));
        signIn(user);
        return actor;
    }

    protected static PromptVersion addVersion(Actor actor, String prompt, String template, String commitMessage) {
        return services().versionService().create(actor, prompt, new VersionInput(List.of(new Message("user", template)),
                List.of(new VariableDeclaration("name", "string", true, null, null)), FREE_MODEL,
                ModelParameters.none(), commitMessage));
    }

    protected void open(String prompt) {
        UI.getCurrent().navigate("prompts/" + prompt);
    }

    protected void open(String location, Map<String, String> query) {
        UI.getCurrent().navigate(location, QueryParameters.simple(query));
    }

    protected void showVersions() {
        test(find(TabSheet.class).id("prompt-tabs")).select(1);
    }

    protected TextField textField(String id) {
        return find(TextField.class).id(id);
    }

    protected TextArea textArea(String id) {
        return find(TextArea.class).id(id);
    }

    protected void click(String id) {
        test(find(Button.class).id(id)).click();
    }

    @SuppressWarnings("unchecked")
    protected GridTester<Grid<PromptVersion>, PromptVersion> versionGrid() {
        return test(find(Grid.class).id("versions"));
    }

    /** The row of version {@code number} (the grid lists newest first). */
    protected int rowOf(int number) {
        GridTester<Grid<PromptVersion>, PromptVersion> grid = versionGrid();
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getRow(row).number() == number) {
                return row;
            }
        }
        throw new AssertionError("no row for v" + number);
    }

    protected String badge(int number) {
        return versionGrid().getCellComponent(rowOf(number), "status").getElement().getText();
    }

    protected void clickVersionAction(int number, String idPrefix) {
        test(find(Button.class, versionGrid().getCellComponent(rowOf(number), "actions")).id(idPrefix + number)).click();
    }

    protected boolean hasVersionAction(int number, String idPrefix) {
        return find(Button.class, versionGrid().getCellComponent(rowOf(number), "actions")).withId(idPrefix + number)
                .exists();
    }

    protected String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
