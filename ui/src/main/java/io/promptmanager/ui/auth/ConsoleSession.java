package io.promptmanager.ui.auth;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.promptmanager.core.user.User;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is signed in to a browser session. Only the user's id is kept (in the {@link VaadinSession});
 * {@link AccessControl} re-reads the account on every navigation.
 */
public final class ConsoleSession {
    private static final String USER_ID = ConsoleSession.class.getName() + ".userId";

    private ConsoleSession() {
    }

    /**
     * Signs {@code user} in to the current session under a new session id, so that an id an
     * attacker planted before sign-in is worth nothing afterwards (session fixation).
     */
    public static void signIn(User user) {
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        VaadinSession.getCurrent().setAttribute(USER_ID, user.id());
    }

    /** Ends the session and sends the browser to the sign-in page. */
    public static void signOut(UI ui) {
        VaadinSession session = ui.getSession();
        session.setAttribute(USER_ID, null);
        ui.getPage().setLocation(LoginView.ROUTE);
        session.getSession().invalidate();
    }

    static Optional<UUID> userId(VaadinSession session) {
        return Optional.ofNullable((UUID) session.getAttribute(USER_ID));
    }

    static void forget(VaadinSession session) {
        session.setAttribute(USER_ID, null);
    }
}
