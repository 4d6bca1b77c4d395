package io.promptmanager.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.promptmanager.ui.auth.AccessControl;
import io.promptmanager.ui.base.ConsoleErrorHandler;

/**
 * Registered in {@code META-INF/services}: puts {@link AccessControl} in front of every
 * navigation of every UI, and {@link ConsoleErrorHandler} on every session.
 */
public final class ConsoleServiceInitListener implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        service.addUIInitListener(init -> init.getUI().addBeforeEnterListener(
                new AccessControl(ConsoleContext.of(service).services().userService())));
        service.addSessionInitListener(init -> init.getSession().setErrorHandler(new ConsoleErrorHandler()));
    }
}
