package io.promptmanager.ui.auth;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.VaadinSession;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserService;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Deny by default: runs before every navigation, before the target view is created. It re-reads
 * the signed-in account (a deleted or disabled one is signed out), then lets the navigation go
 * on only when the target's {@link Access} allows it: anonymous users are sent to the sign-in
 * page, non-administrators get "not found" for administrator views, and a view that declares no
 * rule is refused to everyone.
 */
public final class AccessControl implements BeforeEnterListener {
    private static final Logger LOG = Logger.getLogger(AccessControl.class.getName());
    /** Targets outside it are Vaadin's own (e.g. the placeholder for client-side routes, which the console has none of). */
    private static final String CONSOLE_PACKAGE = "io.promptmanager.ui.";

    private final transient UserService users;

    public AccessControl(UserService users) {
        this.users = users;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UI ui = event.getUI();
        Optional<User> user = currentUser(ui.getSession());
        SignedInUser.set(ui, user.map(SignedInUser::new).orElse(null));
        Class<?> target = event.getNavigationTarget();
        switch (Access.of(target)) {
            case PUBLIC -> {
                // open to everyone
            }
            case SIGNED_IN -> {
                if (user.isEmpty()) {
                    event.forwardTo(LoginView.class);
                }
            }
            case ADMIN -> {
                if (user.isEmpty()) {
                    event.forwardTo(LoginView.class);
                } else if (!user.get().isAdmin()) {
                    event.rerouteToError(NotFoundException.class);
                }
            }
            case UNDECLARED -> {
                if (target.getName().startsWith(CONSOLE_PACKAGE)) {
                    LOG.severe(() -> target.getName() + " declares no access rule (@PublicView, @SignedIn or"
                            + " @AdminOnly) or more than one; it is refused to everyone");
                }
                event.rerouteToError(NotFoundException.class);
            }
        }
    }

    private Optional<User> currentUser(VaadinSession session) {
        Optional<UUID> id = ConsoleSession.userId(session);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = users.find(id.get()).filter(found -> !found.disabled());
        if (user.isEmpty()) {
            ConsoleSession.forget(session);
        }
        return user;
    }
}
