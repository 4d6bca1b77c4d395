package io.promptmanager.ui.auth;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;

/** Views that exist only in tests, to check rules no production view exercises yet. */
final class AccessControlTestViews {
    private AccessControlTestViews() {
    }

    @AdminOnly
    @Route("test-admin")
    public static final class AdminView extends Div {
    }

    /** Declares no access rule: nobody may open it. */
    @Route("test-undeclared")
    public static final class UndeclaredView extends Div {
    }

    /** Declares two rules: as bad as none. */
    @PublicView
    @SignedIn
    @Route("test-ambiguous")
    public static final class AmbiguousView extends Div {
    }
}
