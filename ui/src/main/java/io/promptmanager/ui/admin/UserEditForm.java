package io.promptmanager.ui.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserChanges;

import java.util.List;

/** An account's plan, role and disabled flag. Fires {@link SaveEvent} or {@link CancelEvent}. */
final class UserEditForm extends FormLayout {
    private final Select<Plan> plan = new Select<>();
    private final Select<Role> role = new Select<>();
    private final Checkbox disabled = new Checkbox();
    private final Span error = new Span();

    UserEditForm(User user) {
        plan.setId("edit-user-plan");
        plan.setLabel(getTranslation("admin.users.plan"));
        plan.setItems(Plan.values());
        plan.setItemLabelGenerator(value -> getTranslation("plan." + value.name()));
        plan.setValue(user.plan());
        role.setId("edit-user-role");
        role.setLabel(getTranslation("admin.users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(value -> getTranslation("admin.users.role." + value.name()));
        role.setValue(user.role());
        disabled.setId("edit-user-disabled");
        disabled.setLabel(getTranslation("admin.users.disabled"));
        disabled.setValue(user.disabled());
        error.setId("user-edit-error");
        error.getElement().setAttribute("role", "alert");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.setVisible(false);
        Button save = new Button(getTranslation("admin.users.save"), click -> save());
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId("user-cancel");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        add(plan, role, disabled, error, new HorizontalLayout(save, cancel));
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** Core's refusals: a role problem beside the role, anything else (e.g. disabling oneself) under the fields. */
    void showViolations(List<Violation> violations) {
        violations.forEach(violation -> {
            if ("role".equals(violation.field())) {
                role.setErrorMessage(getTranslation("admin.users.own-role"));
                role.setInvalid(true);
            } else if ("disabled".equals(violation.field())) {
                showError(getTranslation("admin.users.own-disable"));
            } else {
                showError(violation.message());
            }
        });
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void save() {
        role.setInvalid(false);
        error.setVisible(false);
        fireEvent(new SaveEvent(this, new UserChanges(plan.getValue(), role.getValue(), disabled.getValue())));
    }

    static final class SaveEvent extends ComponentEvent<UserEditForm> {
        private final UserChanges changes;

        SaveEvent(UserEditForm source, UserChanges changes) {
            super(source, false);
            this.changes = changes;
        }

        UserChanges changes() {
            return changes;
        }
    }

    static final class CancelEvent extends ComponentEvent<UserEditForm> {
        CancelEvent(UserEditForm source) {
            super(source, false);
        }
    }
}
