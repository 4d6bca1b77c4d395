package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
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
import io.promptmanager.ui.base.MainLayout;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The signed-in user's prompts, newest first, with a text search. */
@SignedIn
@Route(value = PromptsView.ROUTE, layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
public final class PromptsView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "prompts";

    private final transient PromptService prompts;
    private final transient CategoryService categories;
    private final Actor actor;
    private final TextField search = new TextField();
    private final Grid<Prompt> grid = new Grid<>();
    private final Paragraph emptyState = new Paragraph();
    private final ZoneId zone = browserZone();
    private PromptPager pager;

    public PromptsView(PromptService prompts, CategoryService categories, SignedInUser user) {
        this.prompts = prompts;
        this.categories = categories;
        this.actor = user.actor();
        setSizeFull();
        search.setId("search");
        search.setPlaceholder(getTranslation("prompts.search"));
        search.setAriaLabel(getTranslation("prompts.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> reload());
        Button create = new Button(getTranslation("prompts.new"), VaadinIcon.PLUS.create(), click -> openNewPrompt());
        create.setId("new-prompt");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);
        configureGrid();
        add(toolbar, grid);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("prompts.page-title");
    }

    private void configureGrid() {
        grid.setId("prompts");
        grid.setSizeFull();
        grid.addColumn(Prompt::name).setHeader(getTranslation("prompts.column.name")).setKey("name").setAutoWidth(true);
        grid.addColumn(Prompt::description).setHeader(getTranslation("prompts.column.description"))
                .setKey("description").setFlexGrow(2);
        grid.addColumn(prompt -> orDash(prompt.category())).setHeader(getTranslation("prompts.column.category"))
                .setKey("category");
        grid.addColumn(prompt -> String.join(", ", prompt.tags())).setHeader(getTranslation("prompts.column.tags"))
                .setKey("tags");
        grid.addColumn(prompt -> prompt.productionVersion() == null ? "—"
                        : getTranslation("prompts.version", prompt.productionVersion()))
                .setHeader(getTranslation("prompts.column.production")).setKey("production");
        grid.addColumn(prompt -> formatTime(prompt.updatedAt())).setHeader(getTranslation("prompts.column.updated"))
                .setKey("updated").setAutoWidth(true);
        emptyState.setId("prompts-empty");
        grid.setEmptyStateComponent(emptyState);
        grid.setItems(query -> pager.fetch(query.getOffset(), query.getLimit()).stream());
    }

    private void reload() {
        String text = search.getValue().isBlank() ? null : search.getValue().strip();
        PromptFilter filter = new PromptFilter(null, null, null, text);
        pager = new PromptPager(page -> prompts.list(actor, filter, page));
        emptyState.setText(text == null ? getTranslation("prompts.empty") : getTranslation("prompts.no-match", text));
        grid.getDataProvider().refreshAll();
    }

    private void openNewPrompt() {
        PromptForm form = new PromptForm(categories.list(actor).stream().map(Category::name).toList());
        Dialog dialog = new Dialog(form);
        dialog.setHeaderTitle(getTranslation("prompts.new"));
        form.addCancelListener(cancel -> dialog.close());
        form.addSaveListener(save -> {
            try {
                Prompt created = prompts.create(actor, save.input());
                dialog.close();
                if (search.isEmpty()) {
                    reload();
                } else {
                    search.clear();
                }
                Notification.show(getTranslation("prompts.created", created.name()));
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

    private String formatTime(Instant time) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(zone).format(time);
    }

    private static ZoneId browserZone() {
        try {
            String zone = UI.getCurrent().getPage().getExtendedClientDetails().getTimeZoneId();
            return zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
