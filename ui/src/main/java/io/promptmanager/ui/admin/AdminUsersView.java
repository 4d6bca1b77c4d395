package io.promptmanager.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserService;
import io.promptmanager.ui.auth.AdminOnly;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.CursorPager;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;

/** Administration › Users: search accounts, change their plan and role, disable them. */
@AdminOnly
@Route(value = AdminUsersView.ROUTE, layout = MainLayout.class)
public final class AdminUsersView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "admin/users";

    private final transient UserService users;
    private final Actor admin;
    private final DisplayFormats formats = DisplayFormats.ofCurrentUi();
    private final TextField search = new TextField();
    private final Grid<User> grid = new Grid<>();
    private CursorPager<User> pager;

    public AdminUsersView(UserService users, SignedInUser signedIn) {
        this.users = users;
        this.admin = signedIn.actor();
        setSizeFull();
        search.setId("users-search");
        search.setPlaceholder(getTranslation("admin.users.search"));
        search.setAriaLabel(getTranslation("admin.users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24rem");
        search.addValueChangeListener(change -> reload());
        configureGrid();
        add(new H2(getTranslation("admin.users.title")), search, grid);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.page-title");
    }

    private void configureGrid() {
        grid.setId("users");
        grid.setSizeFull();
        grid.addColumn(User::email).setHeader(getTranslation("auth.email")).setKey("email").setFlexGrow(2);
        grid.addColumn(User::displayName).setHeader(getTranslation("signup.display-name")).setKey("name");
        grid.addColumn(user -> getTranslation("plan." + user.plan().name())).setHeader(getTranslation("admin.users.plan"))
                .setKey("plan");
        grid.addColumn(user -> getTranslation("admin.users.role." + user.role().name()))
                .setHeader(getTranslation("admin.users.role")).setKey("role");
        grid.addColumn(user -> getTranslation(user.disabled() ? "admin.users.state.disabled" : "admin.users.state.enabled"))
                .setHeader(getTranslation("admin.users.state")).setKey("state");
        grid.addColumn(user -> formats.date(user.createdAt())).setHeader(getTranslation("admin.users.created"))
                .setKey("created");
        grid.addComponentColumn(this::editButton).setKey("actions").setAutoWidth(true);
        Paragraph empty = new Paragraph();
        empty.setId("users-empty");
        empty.setText(getTranslation("admin.users.no-match"));
        grid.setEmptyStateComponent(empty);
        grid.setItems(query -> pager.fetch(query.getOffset(), query.getLimit()).stream());
    }

    private Component editButton(User user) {
        Button edit = new Button(getTranslation("admin.users.edit"), click -> edit(user));
        edit.setId("edit-" + user.id());
        edit.addThemeVariants(ButtonVariant.TERTIARY);
        return edit;
    }

    private void reload() {
        String text = search.getValue().isBlank() ? null : search.getValue().strip();
        pager = new CursorPager<>(page -> users.list(admin, text, page));
        grid.getDataProvider().refreshAll();
    }

    private void edit(User user) {
        UserEditForm form = new UserEditForm(user);
        Dialog dialog = new Dialog(new Span(user.email()), form);
        dialog.setId("user-edit-dialog");
        dialog.setHeaderTitle(getTranslation("admin.users.edit-title", user.displayName()));
        form.addCancelListener(cancel -> dialog.close());
        form.addSaveListener(save -> {
            try {
                User updated = users.update(admin, user.id(), save.changes());
                dialog.close();
                reload();
                Notification.show(getTranslation("admin.users.saved", updated.email()), 5_000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.SUCCESS);
            } catch (DomainException e) {
                if (e.code() != ErrorCode.VALIDATION_FAILED) {
                    throw e;
                }
                form.showViolations(e.violations());
            }
        });
        dialog.open();
    }
}
