package io.promptmanager.ui.admin;

import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.auth.LoginView;
import io.promptmanager.ui.base.NotFoundView;
import io.promptmanager.ui.prompt.PromptsView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every administration view exists for administrators only; the navigation shows them only to administrators. */
class AdminAccessTest extends ConsoleBrowserlessTest {
    private static final List<String> ADMIN_ROUTES = List.of(AdminUsersView.ROUTE, AdminPluginsView.ROUTE,
            AdminOverviewView.ROUTE, AdminAuditView.ROUTE, io.promptmanager.ui.support.AdminSupportView.ROUTE);

    @Test
    void aUserWhoIsNotAdministratorFindsNoAdministrationViewNorItsNavigation() {
        // given
        signIn(newProUser("Plain Pro"));

        // then
        for (String route : ADMIN_ROUTES) {
            navigate(route, NotFoundView.class);
        }
        navigate(PromptsView.class);
        assertThat(find(AdminNavigation.class).withId("nav-admin").exists()).isFalse();
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() {
        for (String route : ADMIN_ROUTES) {
            navigate(route, LoginView.class);
        }
    }

    @Test
    void anAdministratorOpensEveryAdministrationViewFromTheNavigation() {
        // given
        signIn(admin());

        // then
        navigate(PromptsView.class);
        assertThat(find(AdminNavigation.class).id("nav-admin").isVisible()).isTrue();
        navigate(AdminUsersView.class);
        navigate(AdminPluginsView.class);
        navigate(AdminOverviewView.class);
        navigate(AdminAuditView.class);
        navigate(io.promptmanager.ui.support.AdminSupportView.class);
    }
}
