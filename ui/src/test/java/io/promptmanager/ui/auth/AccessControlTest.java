package io.promptmanager.ui.auth;

import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.base.NotFoundView;
import org.junit.jupiter.api.Test;

class AccessControlTest extends ConsoleBrowserlessTest {

    @Test
    void anonymousVisitorOfAnAdminViewIsSentToSignIn() {
        navigate("test-admin", LoginView.class);
    }

    @Test
    void userWhoIsNotAdminFindsNoAdminView() {
        // given
        signIn(newUser("Plain User"));

        // when / then
        navigate("test-admin", NotFoundView.class);
    }

    @Test
    void adminOpensAnAdminView() {
        // given
        signIn(admin());

        // when / then
        navigate("test-admin", AccessControlTestViews.AdminView.class);
    }

    @Test
    void viewWithoutAccessRuleIsRefusedEvenToAnAdmin() {
        // given
        signIn(admin());

        // when / then
        navigate("test-undeclared", NotFoundView.class);
    }

    @Test
    void viewWithTwoAccessRulesIsRefusedToEveryone() {
        // given
        signIn(newUser("Another User"));

        // when / then
        navigate("test-ambiguous", NotFoundView.class);
    }
}
