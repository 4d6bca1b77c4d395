package io.promptmanager.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import io.promptmanager.core.common.DomainException;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors a view did not handle itself (outside navigation): a rule of the product shows its
 * code's text; anything else is logged with a random error id that the user sees instead of it.
 */
public final class ConsoleErrorHandler implements ErrorHandler {
    private static final Logger LOG = Logger.getLogger(ConsoleErrorHandler.class.getName());

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        Optional<UI> ui = event.getComponent().flatMap(Component::getUI).or(() -> Optional.ofNullable(UI.getCurrent()));
        String message;
        DomainException domain = domainCause(error);
        if (domain != null) {
            message = ui.map(u -> u.getTranslation("error.code." + domain.code().name())).orElse(domain.getMessage());
        } else {
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Console error, error id " + errorId, error);
            message = ui.map(u -> u.getTranslation("error.unexpected", errorId)).orElse(errorId);
        }
        ui.ifPresent(current -> current.access(() -> {
            Notification notification = Notification.show(message, 8_000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.ERROR);
        }));
    }

    private static DomainException domainCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }
}
