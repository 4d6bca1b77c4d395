package io.promptmanager.core.billing;

import io.promptmanager.core.apikey.NewApiKey;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Money;
import io.promptmanager.core.common.RetryLaterException;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.BillingEvents;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.CancelNowRequest;
import io.promptmanager.plugin.billing.CheckoutRequest;
import io.promptmanager.plugin.billing.SubscriptionStatus;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static io.promptmanager.plugin.billing.BillingEvent.Type.SUBSCRIPTION_CREATED;
import static io.promptmanager.plugin.billing.BillingEvent.Type.SUBSCRIPTION_DELETED;
import static io.promptmanager.plugin.billing.BillingEvent.Type.SUBSCRIPTION_UPDATED;
import static io.promptmanager.plugin.billing.SubscriptionStatus.ACTIVE;
import static io.promptmanager.plugin.billing.SubscriptionStatus.CANCELED;
import static io.promptmanager.plugin.billing.SubscriptionStatus.PAST_DUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Buying, the portal and cancelling: the processor is asked, only webhooks change the plan. */
class BillingServiceIT {
    private BillingFixture f;
    private BillingService billing;

    @BeforeEach
    void start() {
        f = new BillingFixture();
        billing = f.core.billingService();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aFreeUserWhoNeverSubscribedSeesThePlanAndThePrices() {
        User user = f.newUser(Plan.FREE);

        BillingOverview overview = billing.overview(f.actor(user));

        assertThat(overview.plan()).isEqualTo(Plan.FREE);
        assertThat(overview.billingAvailable()).isTrue();
        assertThat(overview.monthlyPrice()).isEqualTo(Money.of(700, "usd"));
        assertThat(overview.yearlyPrice()).isEqualTo(Money.of(7000, "usd"));
        assertThat(overview.yearlyPrice().decimal()).isEqualByComparingTo("70.00");
        assertThat(overview.subscription()).isNull();
        assertThat(overview.proSince()).isNull();
        assertThat(overview.hasBillingAccount()).isFalse();
        assertThat(overview.invoices()).isEmpty();
        assertThat(overview.refunds()).isEmpty();
    }

    @Test
    void checkoutSendsTheUserToTheProcessorWithTheConsoleReturnPagesAndChangesNoPlan() {
        User user = f.newUser(Plan.FREE);

        CheckoutStart started = billing.startCheckout(f.actor(user), BillingInterval.YEAR);

        CheckoutRequest request = f.provider.checkouts().getFirst();
        assertThat(started.url()).hasToString("https://checkout.test/pay/" + started.sessionId());
        assertThat(request.userReference()).isEqualTo(user.id().toString());
        assertThat(request.email()).isEqualTo(user.email());
        assertThat(request.customerId()).isNull();
        assertThat(request.interval()).isEqualTo(BillingInterval.YEAR);
        assertThat(request.successUrl()).isEqualTo("http://localhost:8081/billing/return?session_id={CHECKOUT_SESSION_ID}");
        assertThat(request.cancelUrl()).hasToString("http://localhost:8081/billing");
        assertThat(request.idempotencyKey()).isEqualTo("pm-checkout-" + user.id() + "-year-"
                + f.now().getEpochSecond() / 600);
        assertThat(f.plan(user)).isEqualTo(Plan.FREE);
        assertThat(f.audit(user)).filteredOn(e -> e.action().equals("billing.checkout")).singleElement()
                .satisfies(e -> assertThat(e.after()).contains("YEAR", started.sessionId()).doesNotContain("https://"));
    }

    @Test
    void aDoubleClickWithinTenMinutesOpensTheSameCheckoutAndLaterANewOne() {
        User user = f.newUser(Plan.FREE);

        CheckoutStart first = billing.startCheckout(f.actor(user), BillingInterval.MONTH);
        f.advance(Duration.ofMinutes(9));
        CheckoutStart again = billing.startCheckout(f.actor(user), BillingInterval.MONTH);
        f.advance(Duration.ofMinutes(1));
        CheckoutStart later = billing.startCheckout(f.actor(user), BillingInterval.MONTH);
        CheckoutStart yearly = billing.startCheckout(f.actor(user), BillingInterval.YEAR);

        assertThat(again).isEqualTo(first);
        assertThat(later.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(yearly.sessionId()).isNotEqualTo(later.sessionId());
    }

    @Test
    void aUserWhoseSubscriptionPaysCannotBuyASecondOneButCanOnceItEnded() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = subscribe(user, BillingInterval.MONTH);

        assertRefused(() -> billing.startCheckout(f.actor(user), BillingInterval.YEAR), ErrorCode.ALREADY_SUBSCRIBED);
        f.deliver(stripe.subscription(SUBSCRIPTION_UPDATED, PAST_DUE, f.now()));
        assertRefused(() -> billing.startCheckout(f.actor(user), BillingInterval.YEAR), ErrorCode.ALREADY_SUBSCRIBED);
        f.advance(Duration.ofDays(8));
        f.core.graceSweep().runOnce();
        billing.startCheckout(f.actor(user), BillingInterval.YEAR);

        assertThat(f.provider.checkouts()).singleElement()
                .satisfies(c -> assertThat(c.customerId()).as("the customer is reused").isEqualTo(stripe.customerId()));
    }

    @Test
    void thePortalNeedsABillingAccountAndReturnsToTheBillingPageUnlessToldOtherwise() {
        User user = f.newUser(Plan.FREE);
        assertRefused(() -> billing.openPortal(f.actor(user), null), ErrorCode.NOT_SUBSCRIBED);
        BillingEvents stripe = subscribe(user, BillingInterval.MONTH);

        URI portal = billing.openPortal(f.actor(user), null);
        billing.openPortal(f.actor(user), URI.create("https://app.example.com/settings"));
        assertRefused(() -> billing.openPortal(f.actor(user), URI.create("javascript:alert(1)")),
                ErrorCode.VALIDATION_FAILED);

        assertThat(portal).hasToString("https://billing.test/portal/" + stripe.customerId());
        assertThat(f.provider.portals()).extracting(p -> p.returnUrl().toString())
                .containsExactly("http://localhost:8081/billing", "https://app.example.com/settings");
        assertThat(billing.overview(f.actor(user)).hasBillingAccount()).isTrue();
    }

    @Test
    void theCancellationOptionsQuoteTheMonthlyRefundAndThePeriodEnd() {
        User user = f.newUser(Plan.FREE);
        subscribe(user, BillingInterval.MONTH);
        f.advance(Duration.ofDays(10));

        CancellationOptions options = billing.cancellationOptions(f.actor(user));

        // December has 31 days: 700 × 21 / 31 = 474.19… cents
        assertThat(options.now().amount()).isEqualTo(Money.of(474, "usd"));
        assertThat(options.now().amountPaid()).isEqualTo(Money.of(700, "usd"));
        assertThat(options.now().invoiceNumber()).isEqualTo("TEST-1");
        assertThat(options.periodEnd()).isEqualTo(BillingFixture.START.plus(Duration.ofDays(31)));
        assertThat(options.subscription().status()).isEqualTo(ACTIVE);
    }

    @Test
    void cancellingAYearlySubscriptionNowRefundsTheUnusedDaysAndTheWebhookEndsPro() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = subscribe(user, BillingInterval.YEAR);
        f.advance(Duration.ofDays(100));

        CancelResult result = billing.cancel(f.actor(user), CancelMode.NOW);
        Plan beforeWebhook = f.plan(user);
        f.deliver(stripe.subscription(SUBSCRIPTION_DELETED, CANCELED, f.now()));

        // 2026-12-01 + 1 year = 365 days: 7000 × 265 / 365 = 5082.19… cents
        assertThat(f.provider.cancelNows()).containsExactly(new CancelNowRequest(stripe.subscriptionId(),
                "in_" + stripe.subscriptionId() + "_1", 5082, "usd", "pm-cancel-" + stripe.subscriptionId()));
        assertThat(result.refunded()).isEqualTo(Money.of(5082, "usd"));
        assertThat(result.subscription().status()).isEqualTo(CANCELED);
        assertThat(beforeWebhook).as("PRO ends with the processor's confirmation, not the call").isEqualTo(Plan.PRO);
        assertThat(f.plan(user)).isEqualTo(Plan.FREE);
        BillingOverview overview = billing.overview(f.actor(user));
        assertThat(overview.refunds()).singleElement().satisfies(r -> {
            assertThat(r.amount()).isEqualTo(Money.of(5082, "usd"));
            assertThat(r.invoiceNumber()).isEqualTo("TEST-1");
        });
        assertThat(f.auditActions(user)).contains("billing.cancel");
        assertRefused(() -> billing.cancel(f.actor(user), CancelMode.NOW), ErrorCode.NOT_SUBSCRIBED);
    }

    @Test
    void cancellingAtPeriodEndKeepsProUntilThenWithoutRefund() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = subscribe(user, BillingInterval.MONTH);
        f.advance(Duration.ofDays(3));

        CancelResult result = billing.cancel(f.actor(user), CancelMode.PERIOD_END);
        f.advance(Duration.ofDays(20));
        f.core.graceSweep().runOnce();
        Plan beforeTheEnd = f.plan(user);
        f.advance(Duration.ofDays(8));
        f.deliver(stripe.subscription(SUBSCRIPTION_DELETED, CANCELED, f.now()));

        assertThat(f.provider.periodEndCancellations()).containsExactly("pm-cancel-end-" + stripe.subscriptionId());
        assertThat(f.provider.cancelNows()).isEmpty();
        assertThat(result.refunded()).isEqualTo(Money.of(0, "usd"));
        assertThat(result.subscription().cancelAtPeriodEnd()).isTrue();
        assertThat(result.subscription().endsAt()).contains(BillingFixture.START.plus(Duration.ofDays(31)));
        assertThat(beforeTheEnd).isEqualTo(Plan.PRO);
        assertThat(f.plan(user)).isEqualTo(Plan.FREE);
        assertThat(billing.overview(f.actor(user)).refunds()).isEmpty();
    }

    @Test
    void cancellingWhilePastDueRefundsNothingOfAPeriodAlreadyOver() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = subscribe(user, BillingInterval.MONTH);
        f.advance(Duration.ofDays(31));
        stripe.renew();
        f.deliver(stripe.invoicePaymentFailed(700, f.now()), stripe.subscription(SUBSCRIPTION_UPDATED, PAST_DUE, f.now()));

        CancelResult result = billing.cancel(f.actor(user), CancelMode.NOW);

        assertThat(result.refunded().amount()).isZero();
        assertThat(f.provider.cancelNows()).singleElement().satisfies(request -> {
            assertThat(request.refundAmount()).isZero();
            assertThat(request.invoiceId()).isNull();
        });
    }

    @Test
    void processorFailuresBecomeTheirErrorCodesAndChangeNothing() {
        User user = f.newUser(Plan.FREE);
        subscribe(user, BillingInterval.MONTH);

        f.provider.failNext(new BillingException(Reason.PROCESSOR_UNAVAILABLE, "Stripe answered 503"));
        assertThatThrownBy(() -> billing.cancel(f.actor(user), CancelMode.NOW))
                .isInstanceOfSatisfying(RetryLaterException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_PROCESSOR_UNAVAILABLE));
        f.provider.failNext(new BillingException(Reason.PROCESSOR_REJECTED, "No such price: 'price_x'"));
        assertThatThrownBy(() -> billing.cancel(f.actor(user), CancelMode.PERIOD_END))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_PROCESSOR_REJECTED);
                    assertThat(e.code().status()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("No such price");
                });
        f.provider.failNext(new BillingException(Reason.NOT_FOUND, "No such customer"));
        assertRefused(() -> billing.openPortal(f.actor(user), null), ErrorCode.NOT_FOUND);

        BillingOverview overview = billing.overview(f.actor(user));
        assertThat(overview.subscription().status()).isEqualTo(ACTIVE);
        assertThat(overview.subscription().cancelAtPeriodEnd()).isFalse();
        assertThat(overview.refunds()).isEmpty();
        assertThat(f.auditActions(user)).doesNotContain("billing.cancel");
    }

    @Test
    void buyingAndCancellingNeedTheKeysManageScopeWhileReadingDoesNot() {
        User user = f.newUser(Plan.PRO);
        Actor readOnly = new Actor(user.id(), user.role(), user.plan(), Channel.API,
                UUID.randomUUID(), Set.of(Scope.PROMPTS_READ));

        assertRefused(() -> billing.startCheckout(readOnly, BillingInterval.MONTH), ErrorCode.SCOPE_REQUIRED);
        assertRefused(() -> billing.cancel(readOnly, CancelMode.NOW), ErrorCode.SCOPE_REQUIRED);
        assertRefused(() -> billing.openPortal(readOnly, null), ErrorCode.SCOPE_REQUIRED);
        assertThat(billing.overview(readOnly).plan()).isEqualTo(Plan.PRO);
    }

    @Test
    void withoutABillingPluginEveryOperationIsUnavailableButTheOverviewStillShows() {
        try (TestPlatform bare = TestPlatform.start()) {
            BillingService none = bare.services().billingService();
            String email = "bare-" + UUID.randomUUID() + "@example.test";
            bare.services().userService().ensureInitialAdmin(email, "admin-password-0001");
            Actor admin = Actor.console(bare.services().userService().firstAdmin().orElseThrow());

            BillingOverview overview = none.overview(admin);

            assertThat(overview.billingAvailable()).isFalse();
            assertThat(overview.plan()).isEqualTo(Plan.PRO);
            for (ThrowingCallable operation : new ThrowingCallable[]{
                    () -> none.startCheckout(admin, BillingInterval.MONTH), () -> none.openPortal(admin, null),
                    () -> none.cancellationOptions(admin), () -> none.cancel(admin, CancelMode.NOW)}) {
                assertRefused(operation, ErrorCode.BILLING_UNAVAILABLE);
            }
        }
    }

    @Test
    void losingProLeavesApiAndProviderKeysStoredButInactiveAndANewSubscriptionRevivesThem() {
        User user = f.newUser(Plan.FREE);
        BillingEvents first = subscribe(user, BillingInterval.MONTH);
        String apiKey = f.core.apiKeyService().create(f.actor(user), new NewApiKey("ci", null, Set.of())).secret();
        f.core.byokService().put(f.actor(user), "sk-or-v1-" + "ab".repeat(32));
        f.core.apiKeyService().authenticate(apiKey);

        f.deliver(first.subscription(SUBSCRIPTION_DELETED, CANCELED, f.now()));

        assertRefused(() -> f.core.apiKeyService().authenticate(apiKey), ErrorCode.PLAN_REQUIRED);
        assertThat(f.core.apiKeyService().list(f.actor(user))).singleElement()
                .satisfies(key -> assertThat(key.revokedAt()).isNull());
        assertThat(f.core.byokService().get(f.actor(user)).active()).isFalse();

        f.advance(Duration.ofDays(2));
        subscribe(user, BillingInterval.YEAR);

        assertThat(f.core.apiKeyService().authenticate(apiKey).plan()).isEqualTo(Plan.PRO);
        assertThat(f.core.byokService().get(f.actor(user)).active()).isTrue();
        assertThat(billing.overview(f.actor(user)).subscription().interval()).isEqualTo(BillingInterval.YEAR);
        assertThat(billing.overview(f.actor(user)).proSince()).isEqualTo(f.now());
    }

    private BillingEvents subscribe(User user, BillingInterval interval) {
        BillingEvents stripe = new BillingEvents(user.id(), interval, f.now());
        Instant now = f.now();
        f.deliver(stripe.checkoutCompleted(now), stripe.subscription(SUBSCRIPTION_CREATED, SubscriptionStatus.ACTIVE, now),
                stripe.invoicePaid(interval == BillingInterval.MONTH ? 700 : 7000, now));
        f.provider.knows(stripe.subscription());
        assertThat(f.plan(user)).isEqualTo(Plan.PRO);
        return stripe;
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
