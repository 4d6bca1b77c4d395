package io.promptmanager.ui.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.support.SupportRequest;
import io.promptmanager.core.support.SupportService;
import io.promptmanager.core.support.SupportStatus;
import io.promptmanager.core.support.SupportThread;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.AdminOnly;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;

import java.time.Instant;
import java.util.UUID;

/**
 * The support team's queue (administrators): priority requests first, then the one waiting
 * longest. Opening a request shows its thread, where the team answers or closes it.
 */
@AdminOnly
@Route(value = AdminSupportView.ROUTE, layout = MainLayout.class)
public final class AdminSupportView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "admin/support";

    private final transient SupportService support;
    private final Actor admin;
    private final DisplayFormats formats = DisplayFormats.ofCurrentUi();
    private final Select<SupportStatus> status = new Select<>();
    private final Grid<SupportRequest> queue = new Grid<>();

    public AdminSupportView(SupportService support, SignedInUser signedIn) {
        this.support = support;
        this.admin = signedIn.actor();
        setSizeFull();
        status.setId("support-queue-status");
        status.setLabel(getTranslation("support.queue.show"));
        status.setItems(SupportStatus.values());
        status.setItemLabelGenerator(value -> value == null ? getTranslation("support.queue.all")
                : getTranslation("support.queue.status." + value.name()));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("support.queue.all"));
        status.setValue(SupportStatus.OPEN);
        status.addValueChangeListener(change -> refresh());
        configureQueue();
        add(new H2(getTranslation("support.queue.title")), new Paragraph(getTranslation("support.queue.intro")),
                status, queue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("support.queue.page-title");
    }

    private void configureQueue() {
        queue.setId("support-queue");
        queue.setSizeFull();
        queue.addComponentColumn(request -> StatusBadge.priority(request.priority()))
                .setHeader(getTranslation("support.column.priority")).setKey("priority").setAutoWidth(true);
        queue.addColumn(SupportRequest::subject).setHeader(getTranslation("support.subject")).setKey("subject")
                .setFlexGrow(3);
        queue.addColumn(request -> request.requesterName() + " <" + request.requesterEmail() + ">")
                .setHeader(getTranslation("support.column.requester")).setKey("requester").setFlexGrow(2);
        queue.addComponentColumn(request -> new StatusBadge(request.status()))
                .setHeader(getTranslation("support.column.status")).setKey("status");
        queue.addColumn(request -> due(request)).setHeader(getTranslation("support.column.due")).setKey("due")
                .setAutoWidth(true);
        queue.addColumn(request -> formats.dateTime(request.createdAt()))
                .setHeader(getTranslation("support.column.opened")).setKey("opened").setAutoWidth(true);
        queue.addItemClickListener(click -> openThread(click.getItem().id()));
        Paragraph empty = new Paragraph(getTranslation("support.queue.empty"));
        empty.setId("support-queue-empty");
        queue.setEmptyStateComponent(empty);
        queue.setItems(query -> support.queue(admin, status.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) support.queueSize(admin, status.getValue()));
    }

    private String due(SupportRequest request) {
        if (request.status() != SupportStatus.OPEN) {
            return "—";
        }
        String due = formats.dateTime(request.respondBy());
        return request.overdue(Instant.now()) ? getTranslation("support.overdue", due) : due;
    }

    private void refresh() {
        queue.getDataProvider().refreshAll();
    }

    private void openThread(UUID id) {
        Dialog dialog = new Dialog();
        dialog.setId("support-thread-dialog");
        dialog.setWidth("48rem");
        render(dialog, support.staffThread(admin, id));
        dialog.open();
    }

    private void render(Dialog dialog, SupportThread thread) {
        dialog.removeAll();
        dialog.getFooter().removeAll();
        SupportRequest request = thread.request();
        dialog.setHeaderTitle(request.subject());
        Span requester = new Span(getTranslation("support.queue.from", request.requesterName(), request.requesterEmail()));
        requester.addClassNames(LumoUtility.TextColor.SECONDARY);
        HorizontalLayout badges = new HorizontalLayout(new StatusBadge(request.status()),
                StatusBadge.priority(request.priority()), requester);
        dialog.add(badges, new ThreadPanel(thread, true, formats));
        if (request.status() != SupportStatus.CLOSED) {
            MessageForm answer = new MessageForm("staff-reply", "support.queue.answer", "support.queue.answer-send");
            answer.addSendListener(send -> {
                try {
                    render(dialog, support.staffReply(admin, request.id(), send.text()));
                    refresh();
                    Notification.show(getTranslation("support.queue.answered"), 4_000, Notification.Position.TOP_CENTER);
                } catch (DomainException e) {
                    if (e.code() != ErrorCode.VALIDATION_FAILED) {
                        throw e;
                    }
                    answer.showError(e.getMessage());
                }
            });
            Button close = new Button(getTranslation("support.close"), click -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("support.close-title"),
                        getTranslation("support.queue.close-text"), getTranslation("support.close"), event -> {
                            render(dialog, support.staffClose(admin, request.id()));
                            refresh();
                        }, getTranslation("common.cancel"), event -> { });
                confirm.setId("staff-close-dialog");
                confirm.open();
            });
            close.setId("staff-close");
            close.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            dialog.add(answer);
            dialog.getFooter().add(close);
        }
        Button done = new Button(getTranslation("support.queue.done"), click -> dialog.close());
        done.setId("support-thread-done");
        dialog.getFooter().add(done);
    }
}
