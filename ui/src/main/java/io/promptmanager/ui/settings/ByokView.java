package io.promptmanager.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.byok.ByokKeyCheck;
import io.promptmanager.core.byok.ByokService;
import io.promptmanager.core.byok.ByokStatus;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;
import io.promptmanager.ui.billing.ProOffer;

import java.util.Optional;

/**
 * Settings › BYOK: a PRO user's own OpenRouter key. Once saved, only its last 4 characters and
 * the date of the last change are ever shown; it can be replaced or deleted (runs then go back to
 * the platform's key). FREE users see what PRO brings, and can still delete a key saved before.
 */
@SignedIn
@Route(value = ByokView.ROUTE, layout = MainLayout.class)
public final class ByokView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "settings/byok";

    private final transient ByokService byok;
    private final Actor actor;
    private final boolean entitled;
    private final DisplayFormats formats = DisplayFormats.ofCurrentUi();
    private final Span error = new Span();
    private final VerticalLayout content = new VerticalLayout();

    public ByokView(ByokService byok, PlanCatalog plans, SignedInUser signedIn) {
        this.byok = byok;
        this.actor = signedIn.actor();
        this.entitled = plans.entitlements(signedIn.user().plan()).byok();
        error.setId("byok-error");
        error.getElement().setAttribute("role", "alert");
        error.addClassNames(LumoUtility.TextColor.ERROR);
        error.setVisible(false);
        content.setPadding(false);
        add(new H2(getTranslation("byok.title")), new Paragraph(getTranslation("byok.intro")), error, content);
        if (!entitled) {
            add(new UpgradePanel("byok.free-why", ProOffer.of(plans)));
        }
        render(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("byok.page-title");
    }

    /** Shows the saved key, or the form when there is none or {@code replacing}. */
    private void render(boolean replacing) {
        content.removeAll();
        Optional<ByokStatus> saved = saved();
        saved.ifPresent(status -> content.add(savedKey(status, replacing)));
        if (entitled && (saved.isEmpty() || replacing)) {
            content.add(form(saved.isPresent()));
        }
    }

    private Optional<ByokStatus> saved() {
        try {
            return Optional.of(byok.get(actor));
        } catch (DomainException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private VerticalLayout savedKey(ByokStatus status, boolean replacing) {
        Span key = new Span(getTranslation("byok.saved", status.last4(), formats.dateTime(status.updatedAt())));
        key.setId("byok-status");
        VerticalLayout panel = new VerticalLayout(key);
        panel.setPadding(false);
        if (!status.active()) {
            Span inactive = new Span(getTranslation("byok.inactive"));
            inactive.setId("byok-inactive");
            inactive.addClassNames(LumoUtility.TextColor.SECONDARY);
            panel.add(inactive);
        }
        Button delete = new Button(getTranslation("byok.delete"), click -> confirmDelete());
        delete.setId("byok-delete");
        delete.addThemeVariants(ButtonVariant.ERROR);
        HorizontalLayout buttons = new HorizontalLayout();
        if (entitled && !replacing) {
            Button replace = new Button(getTranslation("byok.replace"), click -> render(true));
            replace.setId("byok-replace");
            buttons.add(replace);
        }
        buttons.add(delete);
        panel.add(buttons);
        return panel;
    }

    private ByokForm form(boolean replacing) {
        ByokForm form = new ByokForm(replacing);
        form.addTestListener(test -> guarded(form, () -> {
            ByokKeyCheck check = byok.test(actor, test.key());
            form.showCheck(describe(check), check.valid());
        }));
        form.addSaveListener(save -> guarded(form, () -> {
            byok.put(actor, save.key());
            form.clear();
            render(false);
            Notification.show(getTranslation("byok.saved-notice"), 5_000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        }));
        form.addCancelListener(cancel -> render(false));
        return form;
    }

    private String describe(ByokKeyCheck check) {
        if (!check.valid()) {
            return getTranslation("byok.check.rejected");
        }
        String credit = check.limitRemaining() == null ? getTranslation("byok.check.unlimited")
                : formats.usd(check.limitRemaining());
        return getTranslation(check.freeTier() ? "byok.check.valid-free-tier" : "byok.check.valid", credit);
    }

    /** Runs a call to core and shows its refusal where the user looks: at the field or above the form. */
    private void guarded(ByokForm form, Runnable call) {
        error.setVisible(false);
        try {
            call.run();
        } catch (DomainException e) {
            switch (e.code()) {
                case VALIDATION_FAILED -> form.showKeyError(getTranslation("byok.format"));
                case KEY_STORAGE_UNAVAILABLE -> showError(getTranslation("byok.storage-unavailable"));
                case PROVIDER_UNAVAILABLE, PROVIDER_ERROR -> showError(getTranslation("byok.check.unavailable"));
                default -> throw e;
            }
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("byok-delete-dialog");
        confirm.setHeader(getTranslation("byok.delete-title"));
        confirm.setText(getTranslation("byok.delete-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("byok.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            byok.delete(actor);
            render(false);
            Notification.show(getTranslation("byok.deleted"), 5_000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        });
        confirm.open();
    }
}
