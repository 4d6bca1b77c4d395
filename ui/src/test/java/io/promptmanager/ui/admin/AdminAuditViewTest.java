package io.promptmanager.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.promptmanager.core.audit.AuditEntry;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserChanges;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AdminAuditViewTest extends ConsoleBrowserlessTest {

    @Test
    void filtersByActionUserAndDatesAndShowsWhoChangedWhat() {
        // given
        User admin = admin();
        User tina = newUser("Tina");
        newUser("Someone Else");
        services().userService().update(Actor.console(admin), tina.id(), new UserChanges(Plan.PRO, null, null));
        signIn(admin);
        navigate(AdminAuditView.class);

        // when
        test(find(TextField.class).id("audit-action")).setValue("user.plan");

        // then
        GridTester<Grid<AuditEntry>, AuditEntry> grid = entries();
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 1)).isEqualTo("user.plan");
        assertThat(grid.getCellText(0, 3)).isEqualTo(admin.email());
        assertThat(grid.getCellText(0, 4)).isEqualTo(tina.email());

        // when the details are opened
        test((Button) grid.getCellComponent(0, "details")).click();

        // then
        assertThat(pageContent()).containsPattern("\"plan\":\\s*\"FREE\"").containsPattern("\"plan\":\\s*\"PRO\"");
        test(find(Dialog.class).id("audit-details")).close();

        // when filtered by user instead
        test(find(TextField.class).id("audit-action")).setValue("");
        test(user()).selectItem(tina.email());

        // then: her sign-up and her plan change
        assertThat(entries().size()).isEqualTo(2);

        // when filtered to tomorrow onwards
        test(find(DatePicker.class).id("audit-from")).setValue(LocalDate.now(ZoneOffset.UTC).plusDays(2));

        // then
        assertThat(entries().size()).isZero();
        assertThat(find(Paragraph.class).id("audit-empty").getText())
                .isEqualTo("No recorded change matches these filters.");
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<AuditEntry>, AuditEntry> entries() {
        return test((Grid<AuditEntry>) find(Grid.class).id("audit"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<User> user() {
        return find(ComboBox.class).id("audit-user");
    }
}
