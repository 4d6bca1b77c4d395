package io.promptmanager.ui.category;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.prompt.Category;
import io.promptmanager.core.prompt.CategoryService;
import io.promptmanager.core.prompt.Prompt;
import io.promptmanager.core.prompt.PromptFilter;
import io.promptmanager.core.prompt.PromptService;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.Confirmation;
import io.promptmanager.ui.base.MainLayout;
import io.promptmanager.ui.base.PageHeader;
import io.promptmanager.ui.prompt.PromptsView;

import java.util.HashMap;
import java.util.Map;

/**
 * The user's categories with how many prompts each holds and a link to those prompts: create,
 * rename, and delete after confirmation (core leaves the prompts of a deleted category
 * uncategorised).
 */
@SignedIn
@Route(value = CategoriesView.ROUTE, layout = MainLayout.class)
public final class CategoriesView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "categories";

    private final transient CategoryService categories;
    private final transient PromptService prompts;
    private final Actor actor;
    private final Grid<Category> grid = new Grid<>();
    private Map<String, Integer> counts = Map.of();

    public CategoriesView(CategoryService categories, PromptService prompts, SignedInUser user) {
        this.categories = categories;
        this.prompts = prompts;
        this.actor = user.actor();
        setSizeFull();
        Button create = new Button(getTranslation("categories.new"), VaadinIcon.PLUS.create(), click -> openForm(null));
        create.setId("new-category");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        grid.setId("categories");
        grid.setSizeFull();
        grid.addColumn(Category::name).setHeader(getTranslation("categories.column.name")).setKey("name")
                .setFlexGrow(2);
        grid.addColumn(this::count).setHeader(getTranslation("categories.column.prompts"))
                .setKey("prompts").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        Paragraph empty = new Paragraph(getTranslation("categories.empty"));
        empty.setId("categories-empty");
        grid.setEmptyStateComponent(empty);
        add(new PageHeader(getTranslation("categories.title"), create), grid);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("categories.page-title");
    }

    private HorizontalLayout actions(Category category) {
        RouterLink show = new RouterLink(getTranslation("categories.show-prompts"), PromptsView.class);
        show.setQueryParameters(QueryParameters.of(PromptsView.CATEGORY_PARAMETER, category.name()));
        show.setId("show-prompts-" + category.id());
        Button rename = new Button(getTranslation("categories.rename"), VaadinIcon.EDIT.create(),
                click -> openForm(category));
        rename.setId("rename-" + category.id());
        rename.addThemeVariants(ButtonVariant.TERTIARY);
        Button delete = new Button(getTranslation("categories.delete"), VaadinIcon.TRASH.create(),
                click -> confirmDelete(category));
        delete.setId("delete-" + category.id());
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        HorizontalLayout actions = new HorizontalLayout(show, rename, delete);
        actions.setAlignItems(Alignment.BASELINE);
        return actions;
    }

    private void reload() {
        counts = promptCounts();
        grid.setItems(categories.list(actor));
    }

    private int count(Category category) {
        return counts.getOrDefault(category.name(), 0);
    }

    /** Prompts per category name, read through every page of the user's prompts once. */
    private Map<String, Integer> promptCounts() {
        Map<String, Integer> byName = new HashMap<>();
        String cursor = null;
        do {
            Page<Prompt> page = prompts.list(actor, PromptFilter.none(),
                    new PageRequest(PageRequest.MAX_LIMIT, cursor));
            page.items().stream().filter(p -> p.category() != null)
                    .forEach(p -> byName.merge(p.category(), 1, Integer::sum));
            cursor = page.nextCursor();
        } while (cursor != null);
        return byName;
    }

    private void openForm(Category existing) {
        CategoryForm form = new CategoryForm(existing == null ? null : existing.name());
        Dialog dialog = new Dialog(form);
        dialog.setId("category-dialog");
        dialog.setHeaderTitle(existing == null ? getTranslation("categories.new")
                : getTranslation("categories.rename-title", existing.name()));
        form.addCancelListener(cancel -> dialog.close());
        form.addSaveListener(save -> {
            try {
                Category saved = existing == null ? categories.create(actor, save.name())
                        : categories.rename(actor, existing.id(), save.name());
                dialog.close();
                reload();
                Notification.show(existing == null ? getTranslation("categories.created", saved.name())
                        : getTranslation("categories.renamed", existing.name(), saved.name()));
            } catch (DomainException e) {
                form.showError(message(e));
            }
        });
        dialog.open();
    }

    private String message(DomainException e) {
        if (e.code() == ErrorCode.CONFLICT) {
            return getTranslation("categories.name-taken");
        }
        if (e.code() == ErrorCode.VALIDATION_FAILED && !e.violations().isEmpty()) {
            return e.violations().getFirst().message();
        }
        return getTranslation("error.code." + e.code().name());
    }

    private void confirmDelete(Category category) {
        int held = count(category);
        Confirmation.ask(getTranslation("categories.delete-title", category.name()),
                getTranslation("categories.delete-question", category.name(), held),
                getTranslation("categories.delete"), () -> {
                    categories.delete(actor, category.id());
                    reload();
                    Notification.show(getTranslation("categories.deleted", category.name(), held));
                });
    }
}
