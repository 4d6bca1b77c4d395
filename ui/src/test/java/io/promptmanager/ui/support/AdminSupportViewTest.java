package io.promptmanager.ui.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.promptmanager.core.support.NewSupportRequest;
import io.promptmanager.core.support.SupportRequest;
import io.promptmanager.core.support.SupportStatus;
import io.promptmanager.core.support.SupportThread;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.base.NotFoundView;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The support queue. Each test class has its own database, so the queue holds only this class's requests. */
class AdminSupportViewTest extends ConsoleBrowserlessTest {

    @Test
    void queueListsProRequestsFirstThenTheOldestAndTheTeamAnswersAndCloses() throws InterruptedException {
        // given: requests opened in this order
        User free = newUser("Free Fiona");
        User pro = newProUser("Pro Paul");
        UUID oldestFree = open(free, "oldest free");
        UUID olderPro = open(pro, "older pro");
        UUID newerFree = open(free, "newer free");
        UUID newestPro = open(pro, "newest pro");
        signIn(admin());

        // when
        navigate(AdminSupportView.class);

        // then
        GridTester<Grid<SupportRequest>, SupportRequest> queue = queue();
        assertThat(queue.size()).isEqualTo(4);
        assertThat(java.util.stream.IntStream.range(0, 4).mapToObj(row -> queue.getRow(row).id()))
                .containsExactly(olderPro, newestPro, oldestFree, newerFree);
        assertThat(queue.getCellText(0, 1)).isEqualTo("older pro");
        assertThat(queue.getCellText(0, 2)).isEqualTo("Pro Paul <" + pro.email() + ">");

        // when the team answers the first
        queue.clickRow(0);
        test(find(TextArea.class).id("staff-reply")).setValue("Fixed on our side.");
        test(find(Button.class).id("staff-reply-send")).click();

        // then it waits for the user and leaves the queue of requests waiting for us
        SupportThread answered = services().supportService().get(Actor.console(pro), olderPro);
        assertThat(answered.request().status()).isEqualTo(SupportStatus.ANSWERED);
        assertThat(answered.messages().getLast().body()).isEqualTo("Fixed on our side.");
        assertThat(queue().size()).isEqualTo(3);

        // when the team closes it
        test(find(Button.class).id("staff-close")).click();
        test(find(ConfirmDialog.class).id("staff-close-dialog")).confirm();

        // then
        assertThat(services().supportService().get(Actor.console(pro), olderPro).request().status())
                .isEqualTo(SupportStatus.CLOSED);
        assertThat(find(TextArea.class).withId("staff-reply").exists()).isFalse();

        // when showing closed requests
        test(statusFilter()).selectItem("Closed");

        // then
        assertThat(queue().size()).isEqualTo(1);
        assertThat(queue().getRow(0).id()).isEqualTo(olderPro);
    }

    @Test
    void aUserWhoIsNotAnAdministratorFindsNoQueue() {
        // given
        signIn(newProUser("Curious"));

        // when / then
        navigate("admin/support", NotFoundView.class);
    }

    private static UUID open(User user, String subject) throws InterruptedException {
        UUID id = services().supportService().open(Actor.console(user), new NewSupportRequest(subject, "details"))
                .request().id();
        Thread.sleep(5); // the queue orders by the time each request started waiting
        return id;
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<SupportRequest>, SupportRequest> queue() {
        return test((Grid<SupportRequest>) find(Grid.class).id("support-queue"));
    }

    @SuppressWarnings("unchecked")
    private Select<SupportStatus> statusFilter() {
        return find(Select.class).id("support-queue-status");
    }
}
