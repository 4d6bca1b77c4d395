package io.promptmanager.ui.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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

class SupportViewTest extends ConsoleBrowserlessTest {

    @Test
    void freeUserIsPromisedABestEffortAnswerAndToldTheListIsEmpty() {
        // given
        signIn(newUser("Free Fred"));

        // when
        navigate(SupportView.class);

        // then
        assertThat(find(Paragraph.class).id("support-promise").getText())
                .startsWith("We answer on a best-effort basis within 3 business days.");
        assertThat(requests().size()).isZero();
        assertThat(find(Paragraph.class).id("support-requests-empty").getText())
                .startsWith("You have not asked for help yet.");
    }

    @Test
    void proUserOpensAPriorityRequestAndLandsOnItsThread() {
        // given
        User ada = newProUser("Ada");
        signIn(ada);
        navigate(SupportView.class);
        assertThat(find(Paragraph.class).id("support-promise").getText())
                .isEqualTo("Your plan includes priority support: we answer within 1 business day.");

        // when
        test(find(TextField.class).id("support-subject")).setValue("Runs fail with 502");
        test(find(TextArea.class).id("support-message")).setValue("Since this morning\nevery run fails.");
        test(find(Button.class).id("support-send")).click();

        // then
        SupportRequest opened = services().supportService().mine(Actor.console(ada)).getFirst();
        assertThat(opened.priority()).isTrue();
        assertThat(getCurrentView()).isInstanceOf(SupportRequestView.class);
        assertThat(find(H2.class).id("support-request-subject").getText()).isEqualTo("Runs fail with 502");
        assertThat(find(Span.class).id("support-request-status").getText()).isEqualTo("Waiting for support");
        assertThat(find(Span.class).withText("Priority").exists()).isTrue();
        assertThat(find(Span.class).id("support-request-due").getText()).startsWith("Answer due by ");
        assertThat(pageContent()).contains("Since this morning\nevery run fails.");
    }

    @Test
    void aMissingSubjectOrMessageIsShownAtTheField() {
        // given
        signIn(newUser("Hasty"));
        navigate(SupportView.class);

        // when
        test(find(Button.class).id("support-send")).click();

        // then
        assertThat(find(TextField.class).id("support-subject").getErrorMessage()).isEqualTo("Enter a subject.");
        assertThat(find(TextArea.class).id("support-message").getErrorMessage()).isEqualTo("Write a message.");
    }

    @Test
    void theUserFollowsTheTeamsAnswerRepliesAndCloses() {
        // given
        User grace = newUser("Grace");
        Actor actor = Actor.console(grace);
        UUID id = services().supportService().open(actor, new NewSupportRequest("Quota", "Can I run more?")).request().id();
        services().supportService().staffReply(Actor.console(admin()), id, "Upgrade to PRO for unlimited runs.");
        signIn(grace);
        navigate(SupportView.class);

        // when
        requests().clickRow(0);

        // then
        assertThat(getCurrentView()).isInstanceOf(SupportRequestView.class);
        assertThat(find(Span.class).id("support-request-status").getText()).isEqualTo("Answered");
        assertThat(pageContent()).contains("Upgrade to PRO for unlimited runs.", "Support team", "You");

        // when
        test(find(TextArea.class).id("support-reply")).setValue("Thanks, done.");
        test(find(Button.class).id("support-reply-send")).click();

        // then
        SupportThread thread = services().supportService().get(actor, id);
        assertThat(thread.request().status()).isEqualTo(SupportStatus.OPEN);
        assertThat(thread.messages()).hasSize(3);
        assertThat(find(Span.class).id("support-request-status").getText()).isEqualTo("Waiting for support");

        // when
        test(find(Button.class).id("support-close")).click();
        test(find(ConfirmDialog.class).id("support-close-dialog")).confirm();

        // then
        assertThat(services().supportService().get(actor, id).request().status()).isEqualTo(SupportStatus.CLOSED);
        assertThat(find(Span.class).id("support-closed-note").getText()).startsWith("This request is closed.");
        assertThat(find(TextArea.class).withId("support-reply").exists()).isFalse();
    }

    @Test
    void anotherUsersRequestDoesNotExistHere() {
        // given
        User owner = newProUser("Owner");
        UUID id = services().supportService().open(Actor.console(owner), new NewSupportRequest("Private", "Mine only"))
                .request().id();
        signIn(newProUser("Intruder"));

        // when / then
        navigate("support/" + id, NotFoundView.class);
        assertThat(pageContent()).doesNotContain("Mine only").doesNotContain("Private");
        navigate("support/not-a-uuid", NotFoundView.class);
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<SupportRequest>, SupportRequest> requests() {
        return test((Grid<SupportRequest>) find(Grid.class).id("support-requests"));
    }
}
