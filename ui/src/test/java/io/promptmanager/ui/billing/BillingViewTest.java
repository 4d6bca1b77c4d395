package io.promptmanager.ui.billing;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.promptmanager.core.billing.CancelMode;
import io.promptmanager.core.billing.Invoice;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.CheckoutRequest;
import io.promptmanager.ui.BillingPlatform;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.ConsolePlatform;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.promptmanager.ui.BillingPlatform.processor;
import static io.promptmanager.ui.BillingPlatform.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

@ConsolePlatform(BillingPlatform.class)
class BillingViewTest extends ConsoleBrowserlessTest {

    @Test
    void freeUserSeesTheirPlanTodaysUsageAndBothWaysToUpgrade() {
        // given
        signIn(newUser("Free Fiona"));

        // when
        navigate(BillingView.class);

        // then
        assertThat(find(Span.class).id("billing-plan").getText()).isEqualTo("Free");
        assertThat(find(Span.class).id("billing-usage").getText()).isEqualTo("Today: 0 of 3 runs used (UTC day).");
        assertThat(find(Button.class).id("upgrade-monthly").getText()).isEqualTo("Upgrade monthly · $7.00 a month");
        assertThat(find(Button.class).id("upgrade-yearly").getText())
                .isEqualTo("Upgrade yearly · $70.00 a year (two months free)");
        assertThat(find(Button.class).withId("billing-cancel").exists()).isFalse();
        assertThat(find(Button.class).withId("billing-portal").exists()).isFalse();
        assertThat(find(Paragraph.class).id("billing-invoices-empty").getText()).startsWith("No invoice yet.");
    }

    @Test
    void upgradingYearlySendsTheBrowserToTheProcessorsCheckoutPage() {
        // given
        User grace = newUser("Grace");
        signIn(grace);
        navigate(BillingView.class);

        // when
        test(find(Button.class).id("upgrade-yearly")).click();

        // then
        CheckoutRequest checkout = processor().checkouts().getLast();
        assertThat(checkout.userReference()).isEqualTo(grace.id().toString());
        assertThat(checkout.interval()).isEqualTo(BillingInterval.YEAR);
        assertThat(browserSentTo()).startsWith("https://checkout.test/pay/cs_test_");
    }

    @Test
    void subscriberSeesTheRenewalTheirInvoicesAndOpensThePortal() {
        // given
        User ada = newUser("Ada");
        subscribe(ada, BillingInterval.MONTH, 700);
        signIn(ada);

        // when
        navigate(BillingView.class);

        // then
        assertThat(find(Span.class).id("billing-plan").getText()).isEqualTo("Pro");
        assertThat(find(Span.class).id("billing-usage").getText()).isEqualTo("Today: 0 runs, unlimited.");
        assertThat(find(Paragraph.class).id("billing-subscription").getText())
                .startsWith("Your monthly subscription renews on ").endsWith(" for $7.00.");
        assertThat(find(Button.class).withId("upgrade-monthly").exists()).isFalse();
        GridTester<Grid<Invoice>, Invoice> invoices = invoices();
        assertThat(invoices.size()).isEqualTo(1);
        assertThat(invoices.getCellText(0, 0)).isEqualTo("TEST-1");
        assertThat(invoices.getCellText(0, 2)).isEqualTo("$7.00");
        assertThat(invoices.getCellText(0, 3)).isEqualTo("Paid");
        assertThat(((Anchor) invoices.getCellComponent(0, "link")).getHref()).startsWith("https://invoice.test/");

        // when
        test(find(Button.class).id("billing-portal")).click();

        // then
        assertThat(browserSentTo()).startsWith("https://billing.test/portal/cus_test_");
    }

    @Test
    void cancellingShowsBothOptionsWithTheirConsequenceAndAtPeriodEndKeepsPro() {
        // given
        User ken = newUser("Ken");
        subscribe(ken, BillingInterval.YEAR, 7000);
        signIn(ken);
        navigate(BillingView.class);
        BigDecimal quoted = services().billingService().cancellationOptions(Actor.console(ken)).now().amount().decimal();

        // when
        test(find(Button.class).id("billing-cancel")).click();

        // then both consequences are shown, and nothing is done yet
        RadioButtonGroup<CancelMode> mode = mode();
        assertThat(mode.getItemLabelGenerator().apply(CancelMode.NOW))
                .startsWith("Cancel now: PRO ends at once and $").endsWith(" is refunded to your card.");
        assertThat(mode.getItemLabelGenerator().apply(CancelMode.NOW)).containsAnyOf("$" + quoted,
                "$" + quoted.subtract(new BigDecimal("0.01")));
        assertThat(mode.getItemLabelGenerator().apply(CancelMode.PERIOD_END))
                .startsWith("Cancel at the end of the period: you keep PRO until ").endsWith(", nothing is refunded.");
        assertThat(find(Button.class).id("cancel-confirm").isEnabled()).isFalse();
        assertThat(processor().periodEndCancellations()).isEmpty();

        // when
        test(mode).selectItem(mode.getItemLabelGenerator().apply(CancelMode.PERIOD_END));
        test(find(Button.class).id("cancel-confirm")).click();

        // then
        assertThat(processor().periodEndCancellations()).hasSize(1);
        assertThat(processor().cancelNows()).isEmpty();
        assertThat(find(Paragraph.class).id("billing-subscription").getText())
                .startsWith("Your yearly subscription is cancelled: PRO ends on ");
        assertThat(test(find(Notification.class).last()).getText()).startsWith("Subscription cancelled: you keep PRO until ");
    }

    @Test
    void cancellingNowRefundsTheUnusedPart() {
        // given
        User eve = newUser("Eve");
        subscribe(eve, BillingInterval.MONTH, 700);
        signIn(eve);
        navigate(BillingView.class);
        test(find(Button.class).id("billing-cancel")).click();

        // when
        RadioButtonGroup<CancelMode> mode = mode();
        test(mode).selectItem(mode.getItemLabelGenerator().apply(CancelMode.NOW));
        test(find(Button.class).id("cancel-confirm")).click();

        // then
        long refunded = processor().cancelNows().getLast().refundAmount();
        assertThat(refunded).isBetween(690L, 700L);
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Subscription cancelled: $" + BigDecimal.valueOf(refunded, 2)
                        + " will be refunded to your card. Your plan turns FREE within seconds.");
    }

    /** Where the last {@code Page.setLocation} sends the browser. */
    private static String browserSentTo() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .flatMap(invocation -> invocation.getInvocation().getParameters().stream())
                .map(String::valueOf)
                .filter(parameter -> parameter.startsWith("https://"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("the browser was sent nowhere"));
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<Invoice>, Invoice> invoices() {
        return test((Grid<Invoice>) find(Grid.class).id("billing-invoices"));
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<CancelMode> mode() {
        return find(RadioButtonGroup.class).id("cancel-mode");
    }
}
