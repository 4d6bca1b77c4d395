package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
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
import io.promptmanager.ui.base.TimeFormat;

import java.util.List;

/**
 * The signed-in user's prompts, newest first: search, filters (category, version status, tag)
 * kept in the address, and create, edit and delete (after confirmation).
 */
@SignedIn
@Route(value = PromptsView.ROUTE, layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
public final class PromptsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    public static final String ROUTE = "prompts";
    /** Query parameter filtering the list by category name, e.g. {@code prompts?category=support}. */
    public static final String CATEGORY_PARAMETER = PromptFilters.CATEGORY;

    private final transient PromptService prompts;
    private final transient CategoryService categories;
    private final Actor actor;
    private final PromptFilters filters;
    private final Grid<Prompt> grid = new Grid<>();
    private final Paragraph emptyText = new Paragraph();
    private final Button clearFilters = new Button();
    private final TimeFormat time = TimeFormat.ofBrowser();
    private PromptPager pager;

    public PromptsView(PromptService prompts, CategoryService categories, SignedInUser user) {
        this.prompts = prompts;
        this.categories = categories;
        this.actor = user.actor();
        setSizeFull();
        Button create = new Button(getTranslation("prompts.new"), VaadinIcon.PLUS.create(), click -> openForm(null));
        create.setId("new-prompt");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        filters = new PromptFilters(categoryNames());
        filters.addChangeListener(change -> {
            reload();
            if (change.isFromClient()) {
                remember();
            }
        });
        configureGrid();
        add(new PageHeader(getTranslation("prompts.title"), create), filters, grid);
        reload();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters.apply(event.getLocation().getQueryParameters());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("prompts.page-title");
    }

    private void configureGrid() {
        grid.setId("prompts");
        grid.setSizeFull();
        grid.addComponentColumn(this::nameLink).setHeader(getTranslation("prompts.column.name")).setKey("name")
                .setAutoWidth(true);
        grid.addColumn(Prompt::description).setHeader(getTranslation("prompts.column.description"))
                .setKey("description").setFlexGrow(2);
        grid.addColumn(prompt -> orDash(prompt.category())).setHeader(getTranslation("prompts.column.category"))
                .setKey("category");
        grid.addColumn(prompt -> String.join(", ", prompt.tags())).setHeader(getTranslation("prompts.column.tags"))
                .setKey("tags");
        grid.addColumn(prompt -> prompt.productionVersion() == null ? "—"
                        : getTranslation("prompts.version", prompt.productionVersion()))
                .setHeader(getTranslation("prompts.column.production")).setKey("production");
        grid.addColumn(prompt -> time.format(prompt.updatedAt(), getLocale()))
                .setHeader(getTranslation("prompts.column.updated")).setKey("updated").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        emptyText.setId("prompts-empty");
        clearFilters.setText(getTranslation("prompts.clear-filters"));
        clearFilters.setId("clear-filters");
        clearFilters.addClickListener(click -> filters.clear());
        VerticalLayout empty = new VerticalLayout(emptyText, clearFilters);
        empty.setPadding(false);
        grid.setEmptyStateComponent(empty);
        grid.setItems(query -> pager.fetch(query.getOffset(), query.getLimit()).stream());
    }

    private RouterLink nameLink(Prompt prompt) {
        RouterLink link = new RouterLink(prompt.name(), PromptView.class, PromptView.parameters(prompt.name()));
        link.setId("open-" + prompt.name());
        return link;
    }

    private HorizontalLayout actions(Prompt prompt) {
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> openForm(prompt));
        edit.setId("edit-" + prompt.name());
        edit.setAriaLabel(getTranslation("prompts.edit", prompt.name()));
        edit.setTooltipText(getTranslation("prompts.edit", prompt.name()));
        edit.addThemeVariants(ButtonVariant.TERTIARY);
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> confirmDelete(prompt));
        delete.setId("delete-" + prompt.name());
        delete.setAriaLabel(getTranslation("prompts.delete", prompt.name()));
        delete.setTooltipText(getTranslation("prompts.delete", prompt.name()));
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        return new HorizontalLayout(edit, delete);
    }

    private void reload() {
        PromptFilter filter = filters.filter();
        pager = new PromptPager(page -> prompts.list(actor, filter, page));
        if (filters.isEmpty()) {
            emptyText.setText(getTranslation("prompts.empty"));
        } else if (filters.onlyText()) {
            emptyText.setText(getTranslation("prompts.no-match", filter.text()));
        } else {
            emptyText.setText(getTranslation("prompts.no-match-filters"));
        }
        clearFilters.setVisible(!filters.isEmpty());
        grid.getDataProvider().refreshAll();
    }

    /** Puts the filters in the address, so that reloading or sharing the page keeps them. */
    private void remember() {
        getUI().ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, new Location(ROUTE, filters.toQueryParameters())));
    }

    private void openForm(Prompt existing) {
        PromptForm form = new PromptForm(categoryNames(), existing);
        Dialog dialog = new Dialog(form);
        dialog.setId("prompt-dialog");
        dialog.setHeaderTitle(existing == null ? getTranslation("prompts.new")
                : getTranslation("prompts.edit", existing.name()));
        form.addCancelListener(cancel -> dialog.close());
        form.addSaveListener(save -> {
            try {
                Prompt saved = existing == null ? prompts.create(actor, save.input())
                        : prompts.update(actor, existing.name(), save.input());
                dialog.close();
                reload();
                Notification.show(existing == null ? getTranslation("prompts.created", saved.name())
                        : getTranslation("prompts.updated", saved.name()));
            } catch (DomainException e) {
                if (e.code() == ErrorCode.CONFLICT) {
                    form.showNameTaken();
                } else if (e.code() == ErrorCode.VALIDATION_FAILED && !e.violations().isEmpty()) {
                    form.showViolations(e.violations());
                } else {
                    form.showError(getTranslation("error.code." + e.code().name()));
                }
            }
        });
        dialog.open();
    }

    private void confirmDelete(Prompt prompt) {
        Confirmation.ask(getTranslation("prompts.delete", prompt.name()),
                getTranslation("prompts.delete-question", prompt.name()), getTranslation("prompts.delete-confirm"),
                () -> {
                    prompts.delete(actor, prompt.name());
                    reload();
                    Notification.show(getTranslation("prompts.deleted", prompt.name()));
                });
    }

    private List<String> categoryNames() {
        return categories.list(actor).stream().map(Category::name).toList();
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
