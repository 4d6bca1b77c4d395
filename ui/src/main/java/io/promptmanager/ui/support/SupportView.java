package io.promptmanager.ui.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.plan.Entitlements;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.support.SupportRequest;
import io.promptmanager.core.support.SupportService;
import io.promptmanager.core.support.SupportStatus;
import io.promptmanager.core.support.SupportThread;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;

/** Support: what the user's plan promises, a form to ask for help, and the user's requests. */
@SignedIn
@Route(value = SupportView.ROUTE, layout = MainLayout.class)
public final class SupportView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "support";

    private final transient SupportService support;
    private final Actor actor;
    private final DisplayFormats formats = DisplayFormats.ofCurrentUi();

    public SupportView(SupportService support, PlanCatalog plans, SignedInUser signedIn) {
        this.support = support;
        this.actor = signedIn.actor();
        Entitlements plan = plans.entitlements(signedIn.user().plan());
        Paragraph promise = new Paragraph(plan.prioritySupport()
                ? getTranslation("support.promise.priority", plan.supportResponseBusinessDays())
                : getTranslation("support.promise.standard", plan.supportResponseBusinessDays()));
        promise.setId("support-promise");
        NewRequestForm form = new NewRequestForm();
        form.addSubmitListener(submit -> open(form, submit.request()));
        add(new H2(getTranslation("support.title")), promise, new H3(getTranslation("support.new")), form,
                new H3(getTranslation("support.mine")), requests());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("support.page-title");
    }

    private Grid<SupportRequest> requests() {
        Grid<SupportRequest> grid = new Grid<>();
        grid.setId("support-requests");
        grid.setAllRowsVisible(true);
        grid.addColumn(SupportRequest::subject).setHeader(getTranslation("support.subject")).setKey("subject")
                .setFlexGrow(3);
        grid.addComponentColumn(request -> new StatusBadge(request.status())).setHeader(getTranslation("support.column.status"))
                .setKey("status");
        grid.addColumn(request -> request.status() == SupportStatus.OPEN ? formats.dateTime(request.respondBy()) : "—")
                .setHeader(getTranslation("support.column.due")).setKey("due");
        grid.addColumn(request -> formats.dateTime(request.updatedAt())).setHeader(getTranslation("support.column.updated"))
                .setKey("updated");
        grid.addItemClickListener(click -> show(click.getItem()));
        Paragraph empty = new Paragraph(getTranslation("support.empty"));
        empty.setId("support-requests-empty");
        grid.setEmptyStateComponent(empty);
        grid.setItems(support.mine(actor));
        return grid;
    }

    private void open(NewRequestForm form, io.promptmanager.core.support.NewSupportRequest request) {
        try {
            SupportThread opened = support.open(actor, request);
            Notification.show(getTranslation("support.opened"), 5_000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.SUCCESS);
            show(opened.request());
        } catch (DomainException e) {
            if (e.code() != ErrorCode.VALIDATION_FAILED || e.violations().isEmpty()) {
                throw e;
            }
            form.showViolations(e.violations());
        }
    }

    private static void show(SupportRequest request) {
        UI.getCurrent().navigate(SupportRequestView.class, new RouteParameters("id", request.id().toString()));
    }
}
