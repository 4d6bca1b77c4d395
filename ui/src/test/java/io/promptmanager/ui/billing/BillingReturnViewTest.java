package io.promptmanager.ui.billing;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import io.promptmanager.core.user.User;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.ui.BillingPlatform;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.ConsolePlatform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Coming back from the checkout page: the plan turns PRO only when the processor's webhook confirms. */
@ConsolePlatform(BillingPlatform.class)
class BillingReturnViewTest extends ConsoleBrowserlessTest {

    @Test
    void waitsForTheWebhookThenOpensTheBillingPageAsPro() {
        // given
        User ada = newUser("Ada");
        signIn(ada);
        navigate(BillingReturnView.ROUTE, BillingReturnView.class);
        assertThat(find(Paragraph.class).id("billing-return-status").getText())
                .startsWith("We are waiting for the payment processor to confirm your payment.");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(2_000);

        // when a check comes before the webhook
        poll();

        // then nothing changed
        assertThat(getCurrentView()).isInstanceOf(BillingReturnView.class);

        // when the processor confirms and the page checks again
        BillingPlatform.subscribe(ada, BillingInterval.MONTH, 700);
        poll();

        // then
        assertThat(getCurrentView()).isInstanceOf(BillingView.class);
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Payment confirmed: welcome to PRO!");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void saysTheConfirmationIsLateAfterAMinuteAndStopsAsking() {
        // given
        signIn(newUser("Patient"));
        navigate(BillingReturnView.ROUTE, BillingReturnView.class);

        // when
        for (int i = 0; i < BillingReturnView.MAX_POLLS; i++) {
            poll();
        }

        // then
        assertThat(getCurrentView()).isInstanceOf(BillingReturnView.class);
        assertThat(find(Paragraph.class).id("billing-return-status").getText())
                .startsWith("The confirmation has not arrived yet.");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void aUserWhoIsAlreadyProGoesStraightToTheBillingPage() {
        // given
        User pro = newUser("Already");
        BillingPlatform.subscribe(pro, BillingInterval.YEAR, 7000);
        signIn(pro);

        // when / then
        navigate(BillingReturnView.ROUTE, BillingView.class);
    }

    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }
}
