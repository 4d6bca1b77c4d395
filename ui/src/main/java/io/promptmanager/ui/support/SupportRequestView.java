package io.promptmanager.ui.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.support.SupportRequest;
import io.promptmanager.core.support.SupportService;
import io.promptmanager.core.support.SupportStatus;
import io.promptmanager.core.support.SupportThread;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;

import java.util.Optional;
import java.util.UUID;

/** One of the user's requests: its thread, a reply form and closing. Anyone else's request does not exist here. */
@SignedIn
@Route(value = SupportRequestView.ROUTE, layout = MainLayout.class)
public final class SupportRequestView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    public static final String ROUTE = "support/:id";

    private final transient SupportService support;
    private final Actor actor;
    private final DisplayFormats formats = DisplayFormats.ofCurrentUi();
    private UUID id;
    private String subject = "";

    public SupportRequestView(SupportService support, SignedInUser signedIn) {
        this.support = support;
        this.actor = signedIn.actor();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<SupportThread> thread = event.getRouteParameters().get("id").flatMap(this::find);
        if (thread.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        id = thread.get().request().id();
        render(thread.get());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("support.request.page-title", subject);
    }

    private Optional<SupportThread> find(String parameter) {
        try {
            return Optional.of(support.get(actor, UUID.fromString(parameter)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (DomainException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void render(SupportThread thread) {
        removeAll();
        SupportRequest request = thread.request();
        subject = request.subject();
        H2 title = new H2(request.subject());
        title.setId("support-request-subject");
        StatusBadge status = new StatusBadge(request.status());
        status.setId("support-request-status");
        HorizontalLayout badges = new HorizontalLayout(status, StatusBadge.priority(request.priority()));
        badges.setAlignItems(FlexComponent.Alignment.CENTER);
        if (request.status() == SupportStatus.OPEN) {
            Span due = new Span(getTranslation("support.due", formats.dateTime(request.respondBy())));
            due.setId("support-request-due");
            badges.add(due);
        }
        add(new RouterLink(getTranslation("support.back"), SupportView.class), title, badges,
                new ThreadPanel(thread, false, formats));
        if (request.status() == SupportStatus.CLOSED) {
            Span closed = new Span(getTranslation("support.closed-note"));
            closed.setId("support-closed-note");
            add(closed);
            return;
        }
        MessageForm reply = new MessageForm("support-reply", "support.reply", "support.reply-send");
        reply.addSendListener(send -> {
            try {
                render(support.reply(actor, id, send.text()));
                Notification.show(getTranslation("support.replied"), 4_000, Notification.Position.TOP_CENTER);
            } catch (DomainException e) {
                if (e.code() != ErrorCode.VALIDATION_FAILED) {
                    throw e;
                }
                reply.showError(e.getMessage());
            }
        });
        Button close = new Button(getTranslation("support.close"), click -> confirmClose());
        close.setId("support-close");
        close.addThemeVariants(ButtonVariant.TERTIARY);
        add(reply, close);
    }

    private void confirmClose() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("support.close-title"),
                getTranslation("support.close-text"), getTranslation("support.close"),
                event -> render(support.close(actor, id)), getTranslation("common.cancel"), event -> { });
        confirm.setId("support-close-dialog");
        confirm.open();
    }
}
