package io.promptmanager.ui.settings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.promptmanager.core.apikey.ApiKey;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.apikey.CreatedApiKey;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;
import io.promptmanager.ui.billing.ProOffer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * Settings › API keys. PRO users (and administrators) create keys, see each secret once, and
 * revoke keys; FREE users see what PRO brings instead.
 */
@SignedIn
@Route(value = ApiKeysView.ROUTE, layout = MainLayout.class)
public final class ApiKeysView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "settings/api-keys";

    private final transient ApiKeyService apiKeys;
    private final Actor actor;
    private final DisplayFormats formats = DisplayFormats.ofCurrentUi();
    private final Grid<ApiKey> grid = new Grid<>();

    public ApiKeysView(ApiKeyService apiKeys, PlanCatalog plans, SignedInUser signedIn) {
        this.apiKeys = apiKeys;
        this.actor = signedIn.actor();
        User user = signedIn.user();
        add(new H2(getTranslation("apikeys.title")));
        if (user.isAdmin() || plans.entitlements(user.plan()).apiKeys()) {
            Button create = new Button(getTranslation("apikeys.new"), VaadinIcon.PLUS.create(), click -> openNewKey());
            create.setId("new-api-key");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            Paragraph intro = new Paragraph(getTranslation("apikeys.intro"));
            configureGrid();
            add(intro, create, grid);
            refresh();
        } else {
            add(new UpgradePanel("apikeys.free-why", ProOffer.of(plans)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("apikeys.page-title");
    }

    private void configureGrid() {
        grid.setId("api-keys");
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiKey::name).setHeader(getTranslation("apikeys.name")).setKey("name").setAutoWidth(true);
        grid.addColumn(key -> key.prefix() + "…" + key.last4()).setHeader(getTranslation("apikeys.column.key"))
                .setKey("key").setAutoWidth(true);
        grid.addColumn(key -> key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("apikeys.scopes")).setKey("scopes").setFlexGrow(2);
        grid.addColumn(key -> formats.date(key.createdAt())).setHeader(getTranslation("apikeys.column.created"))
                .setKey("created").setAutoWidth(true);
        grid.addColumn(key -> key.expiresAt() == null ? getTranslation("apikeys.never") : formats.dateTime(key.expiresAt()))
                .setHeader(getTranslation("apikeys.column.expires")).setKey("expires");
        grid.addColumn(key -> key.lastUsedAt() == null ? getTranslation("apikeys.never") : formats.dateTime(key.lastUsedAt()))
                .setHeader(getTranslation("apikeys.column.last-used")).setKey("last-used");
        grid.addColumn(key -> getTranslation("apikeys.status." + status(key))).setHeader(getTranslation("apikeys.column.status"))
                .setKey("status");
        grid.addComponentColumn(this::revokeButton).setKey("actions").setAutoWidth(true);
        Paragraph empty = new Paragraph(getTranslation("apikeys.empty"));
        empty.setId("api-keys-empty");
        grid.setEmptyStateComponent(empty);
    }

    private static String status(ApiKey key) {
        if (key.revokedAt() != null) {
            return "revoked";
        }
        return key.expiresAt() != null && !key.expiresAt().isAfter(Instant.now()) ? "expired" : "active";
    }

    private Component revokeButton(ApiKey key) {
        if (!status(key).equals("active")) {
            return new Span();
        }
        Button revoke = new Button(getTranslation("apikeys.revoke"), click -> confirmRevoke(key));
        revoke.setId("revoke-" + key.id());
        revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        return revoke;
    }

    private void refresh() {
        grid.setItems(apiKeys.list(actor));
    }

    private void openNewKey() {
        ApiKeyForm form = new ApiKeyForm(formats.zone(), LocalDate.now(formats.zone()));
        Dialog dialog = new Dialog(form);
        dialog.setId("new-api-key-dialog");
        dialog.setHeaderTitle(getTranslation("apikeys.new"));
        dialog.setWidth("36rem");
        form.addCancelListener(cancel -> dialog.close());
        form.addCreateListener(create -> {
            try {
                CreatedApiKey created = apiKeys.create(actor, create.key());
                dialog.close();
                refresh();
                new SecretDialog(created.apiKey().name(), created.secret()).open();
            } catch (DomainException e) {
                if (e.code() != ErrorCode.VALIDATION_FAILED || e.violations().isEmpty()) {
                    throw e;
                }
                form.showViolations(e.violations());
            }
        });
        dialog.open();
    }

    private void confirmRevoke(ApiKey key) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("revoke-dialog");
        confirm.setHeader(getTranslation("apikeys.revoke-title", key.name()));
        confirm.setText(getTranslation("apikeys.revoke-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("apikeys.revoke"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            apiKeys.revoke(actor, key.id());
            refresh();
            Notification.show(getTranslation("apikeys.revoked", key.name()), 5_000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        });
        confirm.open();
    }
}
