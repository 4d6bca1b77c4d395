package io.promptmanager.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminUsersViewTest extends ConsoleBrowserlessTest {

    @Test
    void adminFindsAUserAndMovesThemToPro() {
        // given
        User target = newUser("Target Tina");
        signIn(admin());
        navigate(AdminUsersView.class);

        // when
        test(find(TextField.class).id("users-search")).setValue("target tina");
        GridTester<Grid<User>, User> grid = users();
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo(target.email());
        assertThat(grid.getCellText(0, 2)).isEqualTo("Free");
        test((Button) grid.getCellComponent(0, "actions")).click();
        test(plan()).selectItem("Pro");
        test(find(Button.class).id("user-save")).click();

        // then
        assertThat(services().userService().find(target.id()).orElseThrow().plan()).isEqualTo(Plan.PRO);
        assertThat(users().getCellText(0, 2)).isEqualTo("Pro");
    }

    @Test
    void adminCannotRemoveTheirOwnAdministratorRoleNorDisableThemselves() {
        // given
        User admin = admin();
        signIn(admin);
        navigate(AdminUsersView.class);
        test(find(TextField.class).id("users-search")).setValue(admin.email());
        test((Button) users().getCellComponent(0, "actions")).click();

        // when
        test(role()).selectItem("User");
        test(find(Checkbox.class).id("edit-user-disabled")).click();
        test(find(Button.class).id("user-save")).click();

        // then
        assertThat(role().isInvalid()).isTrue();
        assertThat(role().getErrorMessage()).isEqualTo("You cannot remove your own administrator role.");
        assertThat(find(Span.class).id("user-edit-error").getText()).isEqualTo("You cannot disable your own account.");
        User unchanged = services().userService().find(admin.id()).orElseThrow();
        assertThat(unchanged.role()).isEqualTo(Role.ADMIN);
        assertThat(unchanged.disabled()).isFalse();
    }

    @Test
    void aSearchWithoutMatchSaysSo() {
        // given
        signIn(admin());
        navigate(AdminUsersView.class);

        // when
        test(find(TextField.class).id("users-search")).setValue("nobody-by-this-name");

        // then
        assertThat(users().size()).isZero();
        assertThat(find(Paragraph.class).id("users-empty").getText())
                .isEqualTo("No account matches. Try another e-mail or name.");
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<User>, User> users() {
        return test((Grid<User>) find(Grid.class).id("users"));
    }

    @SuppressWarnings("unchecked")
    private Select<Plan> plan() {
        return find(Select.class).id("edit-user-plan");
    }

    @SuppressWarnings("unchecked")
    private Select<Role> role() {
        return find(Select.class).id("edit-user-role");
    }
}
