package io.promptmanager.ui.auth;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;

import java.util.Objects;
import java.util.Optional;

/**
 * The user of this browser tab as re-read from the database when the current navigation began.
 * Views take it as a constructor parameter; only {@link AccessControl} sets it.
 */
public record SignedInUser(User user) {
    public SignedInUser {
        Objects.requireNonNull(user, "user");
    }

    /** Who calls core services on this user's behalf. */
    public Actor actor() {
        return Actor.console(user);
    }

    /** The user {@code ui} was checked for; fails when nobody is signed in (a view without access rule). */
    public static SignedInUser of(UI ui) {
        return find(ui).orElseThrow(() -> new IllegalStateException(
                "No signed-in user: is the view annotated with @SignedIn or @AdminOnly?"));
    }

    public static Optional<SignedInUser> find(UI ui) {
        return ui == null ? Optional.empty() : Optional.ofNullable(ComponentUtil.getData(ui, SignedInUser.class));
    }

    static void set(UI ui, SignedInUser user) {
        ComponentUtil.setData(ui, SignedInUser.class, user);
    }
}
