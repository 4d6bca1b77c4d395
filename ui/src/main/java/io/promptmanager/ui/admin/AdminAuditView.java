package io.promptmanager.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.promptmanager.core.audit.AuditEntry;
import io.promptmanager.core.audit.AuditFilter;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserService;
import io.promptmanager.ui.auth.AdminOnly;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.CursorPager;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Administration › Audit log: every recorded change, newest first, filtered by action, by the
 * user concerned (whose object changed, or who acted) and by dates (in the browser's time zone).
 */
@AdminOnly
@Route(value = AdminAuditView.ROUTE, layout = MainLayout.class)
public final class AdminAuditView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "admin/audit";
    private static final int USER_CHOICES = 20;

    private final transient AuditLog audit;
    private final transient UserService users;
    private final Actor admin;
    private final DisplayFormats formats = DisplayFormats.ofCurrentUi();
    private final TextField action = new TextField();
    private final ComboBox<User> user = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Map<UUID, String> emails = new HashMap<>();
    private CursorPager<AuditEntry> pager;

    public AdminAuditView(AuditLog audit, UserService users, SignedInUser signedIn) {
        this.audit = audit;
        this.users = users;
        this.admin = signedIn.actor();
        setSizeFull();
        action.setId("audit-action");
        action.setLabel(getTranslation("admin.audit.action"));
        action.setPlaceholder("user.plan, apikey., support.");
        action.setClearButtonVisible(true);
        action.setValueChangeMode(ValueChangeMode.LAZY);
        user.setId("audit-user");
        user.setLabel(getTranslation("admin.audit.user"));
        user.setItemLabelGenerator(User::email);
        user.setItems(query -> users.list(admin, query.getFilter().orElse(null), PageRequest.first(USER_CHOICES))
                .items().stream().skip(query.getOffset()).limit(query.getLimit()));
        user.setClearButtonVisible(true);
        from.setId("audit-from");
        from.setLabel(getTranslation("admin.audit.from"));
        from.setClearButtonVisible(true);
        to.setId("audit-to");
        to.setLabel(getTranslation("admin.audit.to"));
        to.setClearButtonVisible(true);
        action.addValueChangeListener(change -> reload());
        user.addValueChangeListener(change -> reload());
        from.addValueChangeListener(change -> reload());
        to.addValueChangeListener(change -> reload());
        HorizontalLayout filters = new HorizontalLayout(action, user, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        configureGrid();
        add(new H2(getTranslation("admin.audit.title")), filters, grid);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.audit.page-title");
    }

    private void configureGrid() {
        grid.setId("audit");
        grid.setSizeFull();
        grid.addColumn(entry -> formats.dateTime(entry.at())).setHeader(getTranslation("admin.audit.at")).setKey("at")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("admin.audit.action")).setKey("action")
                .setAutoWidth(true);
        grid.addColumn(entry -> entry.objectType() + " " + entry.objectId()).setHeader(getTranslation("admin.audit.object"))
                .setKey("object").setFlexGrow(2);
        grid.addColumn(entry -> entry.actorUserId() == null ? getTranslation("admin.audit.platform") : email(entry.actorUserId()))
                .setHeader(getTranslation("admin.audit.actor")).setKey("actor").setFlexGrow(2);
        grid.addColumn(entry -> entry.ownerId() == null ? "—" : email(entry.ownerId()))
                .setHeader(getTranslation("admin.audit.owner")).setKey("owner").setFlexGrow(2);
        grid.addComponentColumn(this::detailsButton).setKey("details").setAutoWidth(true);
        Paragraph empty = new Paragraph(getTranslation("admin.audit.empty"));
        empty.setId("audit-empty");
        grid.setEmptyStateComponent(empty);
        grid.setItems(query -> pager.fetch(query.getOffset(), query.getLimit()).stream());
    }

    private void reload() {
        AuditFilter filter = new AuditFilter(action.getValue().isBlank() ? null : action.getValue().strip(),
                user.getValue() == null ? null : user.getValue().id(), startOf(from.getValue()),
                startOf(to.getValue() == null ? null : to.getValue().plusDays(1)));
        pager = new CursorPager<>(page -> audit.search(admin, filter, page));
        grid.getDataProvider().refreshAll();
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(formats.zone()).toInstant();
    }

    /** The e-mail of a user id, read once per view; the id itself when the account is gone. */
    private String email(UUID id) {
        return emails.computeIfAbsent(id, key -> {
            try {
                return users.get(admin, key).email();
            } catch (DomainException e) {
                return key.toString();
            }
        });
    }

    private Component detailsButton(AuditEntry entry) {
        Button details = new Button(getTranslation("admin.audit.details"), click -> showDetails(entry));
        details.setId("audit-details-" + entry.id());
        details.addThemeVariants(ButtonVariant.TERTIARY);
        return details;
    }

    private void showDetails(AuditEntry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("audit-details");
        dialog.setHeaderTitle(entry.action() + " · " + formats.dateTime(entry.at()));
        dialog.setWidth("48rem");
        dialog.add(new H4(getTranslation("admin.audit.before")), state(entry.before()),
                new H4(getTranslation("admin.audit.after")), state(entry.after()));
        Button close = new Button(getTranslation("common.close"), click -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private static Pre state(String json) {
        Pre pre = new Pre(json == null ? "—" : json);
        pre.getStyle().set("white-space", "pre-wrap");
        return pre;
    }
}
