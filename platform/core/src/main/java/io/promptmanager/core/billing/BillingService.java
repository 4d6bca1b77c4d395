package io.promptmanager.core.billing;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.billing.InvoiceRepository.StoredInvoice;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Money;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserRepository;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.CancelNowRequest;
import io.promptmanager.plugin.billing.Cancellation;
import io.promptmanager.plugin.billing.CheckoutRequest;
import io.promptmanager.plugin.billing.CheckoutSession;
import io.promptmanager.plugin.billing.PortalRequest;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The PRO subscription of the acting user, for the console and the API: what they pay and were
 * billed, buying PRO (hosted checkout), the processor's customer portal, and cancelling at once
 * with a prorated refund or at the end of the paid period. Nothing here grants or removes PRO:
 * only the processor's verified webhooks do ({@link BillingWebhooks}). Buying, the portal and
 * cancelling need the {@code keys:manage} scope (managing the account) and a billing plugin
 * (BILLING_UNAVAILABLE otherwise); reading needs neither.
 */
public final class BillingService {
    /** How many invoices and refunds an overview lists. */
    public static final int LISTED = 24;
    static final Duration CHECKOUT_IDEMPOTENCY_WINDOW = Duration.ofMinutes(10);
    /** Stripe replaces this placeholder in the success URL by the checkout session's id. */

    private final Transactions transactions;
    private final BillingGateway gateway;
    private final SubscriptionRepository subscriptions;
    private final InvoiceRepository invoices;
    private final UserRepository users;
    private final SubscriptionChanges changes;
    private final PlanCatalog plans;
    private final PlanRule rule;
    private final AuditLog audit;
    private final BillingSettings settings;
    private final Clock clock;

    public BillingService(Transactions transactions, BillingGateway gateway, SubscriptionRepository subscriptions,
                          InvoiceRepository invoices, UserRepository users, SubscriptionChanges changes,
                          PlanCatalog plans, PlanRule rule, AuditLog audit, BillingSettings settings, Clock clock) {
        this.transactions = transactions;
        this.gateway = gateway;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.users = users;
        this.changes = changes;
        this.plans = plans;
        this.rule = rule;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether a billing plugin is installed: without one, PRO cannot be bought or cancelled here. */
    public boolean available() {
        return gateway.available();
    }

    /** What PRO costs per interval. */
    public Money price(BillingInterval interval) {
        return plans.proPrice(interval);
    }

    /** The actor's plan, subscription, invoices and refunds; works without a billing plugin too. */
    public BillingOverview overview(Actor actor) {
        DbExecute read = transactions.read();
        User user = user(read, actor);
        List<StoredSubscription> owned = subscriptions.ofUser(read, user.id());
        Instant now = clock.instant();
        Optional<StoredSubscription> current = owned.stream().filter(s -> s.grantsProAt(rule, now)).findFirst()
                .or(() -> owned.stream().filter(StoredSubscription::cancellable).findFirst())
                .or(() -> owned.stream().findFirst());
        Instant proSince = current.filter(s -> user.plan() == Plan.PRO && s.grantsProAt(rule, now))
                .map(StoredSubscription::proSince).orElse(null);
        return new BillingOverview(user.plan(), gateway.available(), price(BillingInterval.MONTH),
                price(BillingInterval.YEAR), current.map(s -> s.view(rule)).orElse(null), proSince,
                subscriptions.customerOf(read, user.id()).isPresent(), invoices.ofUser(read, user.id(), LISTED),
                invoices.refundsOf(read, user.id(), LISTED));
    }

    /**
     * Opens the processor's checkout page for PRO billed every {@code interval}. ALREADY_SUBSCRIBED
     * when a subscription of the actor already pays for PRO. Clicking twice within the same
     * ten minutes opens the same page. The plan changes only when the payment's webhook arrives.
     */
    public CheckoutStart startCheckout(Actor actor, BillingInterval interval) {
        requireManage(actor);
        if (interval == null) {
            throw DomainException.invalid("interval", "choose month or year");
        }
        DbExecute read = transactions.read();
        User user = user(read, actor);
        Instant now = clock.instant();
        if (subscriptions.ofUser(read, user.id()).stream().anyMatch(s -> s.grantsProAt(rule, now))) {
            throw new DomainException(ErrorCode.ALREADY_SUBSCRIBED,
                    "You already have a PRO subscription; change or cancel it from the billing page");
        }
        long bucket = now.getEpochSecond() / CHECKOUT_IDEMPOTENCY_WINDOW.toSeconds();
        CheckoutRequest request = new CheckoutRequest(user.id().toString(), user.email(),
                subscriptions.customerOf(read, user.id()).orElse(null), interval, successUrl(), consoleUrl("/billing"),
                "pm-checkout-" + user.id() + "-" + interval.name().toLowerCase(Locale.ROOT) + "-" + bucket);
        CheckoutSession session = gateway.call("checkout", provider -> provider.startCheckout(request));
        transactions.run(exec -> audit.record(exec, actor, user.id(), "billing.checkout", "billing", user.id(), null,
                new BillingAudit.Checkout(interval, session.id())));
        return new CheckoutStart(session.url(), session.id());
    }

    /**
     * Opens the processor's customer portal (card, invoices). NOT_SUBSCRIBED before the actor's
     * first checkout; VALIDATION_FAILED for a {@code returnUrl} that is not http(s).
     *
     * @param returnUrl where the portal's back link leads; null for the console's billing page
     */
    public URI openPortal(Actor actor, URI returnUrl) {
        requireManage(actor);
        URI back = returnUrl == null ? consoleUrl("/billing") : requireWebAddress(returnUrl);
        String customer = subscriptions.customerOf(transactions.read(), actor.userId())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_SUBSCRIBED,
                        "You have no billing account yet: subscribe to PRO first"));
        return gateway.call("portal", provider -> provider.openPortal(new PortalRequest(customer, back))).url();
    }

    /** What cancelling now would refund and until when PRO lasts otherwise. NOT_SUBSCRIBED when nothing can be cancelled. */
    public CancellationOptions cancellationOptions(Actor actor) {
        gateway.id();
        DbExecute read = transactions.read();
        StoredSubscription subscription = cancellable(read, actor);
        return new CancellationOptions(subscription.view(rule), quote(read, subscription, clock.instant()),
                subscription.currentPeriodEnd());
    }

    /**
     * Cancels the actor's subscription. {@link CancelMode#NOW}: ended at once and the quoted
     * refund paid back to the card (PRO ends when the processor's webhook confirms, within
     * seconds); {@link CancelMode#PERIOD_END}: PRO lasts until the paid period ends, no refund.
     * NOT_SUBSCRIBED when nothing can be cancelled. Concurrent cancellations of one subscription
     * are serialised, and a retried one is not applied twice by the processor.
     */
    public CancelResult cancel(Actor actor, CancelMode mode) {
        requireManage(actor);
        if (mode == null) {
            throw DomainException.invalid("mode", "choose now or period_end");
        }
        return transactions.inTransaction(exec -> {
            StoredSubscription subscription = subscriptions.lock(exec, cancellable(exec, actor).id())
                    .filter(StoredSubscription::cancellable)
                    .orElseThrow(BillingService::nothingToCancel);
            CancelResult result = mode == CancelMode.NOW ? cancelNow(exec, subscription)
                    : cancelAtPeriodEnd(exec, subscription);
            audit.record(exec, actor, actor.userId(), "billing.cancel", "subscription", subscription.id(),
                    subscription.view(rule), new BillingAudit.Cancel(mode, result.subscription(), result.refunded()));
            return result;
        });
    }

    private CancelResult cancelNow(DbExecute exec, StoredSubscription subscription) {
        Instant now = clock.instant();
        Quote quote = quoteOf(exec, subscription, now);
        String invoiceId = quote.refund().amount() > 0 ? quote.invoiceId() : null;
        CancelNowRequest request = new CancelNowRequest(subscription.id(), invoiceId, quote.refund().amount(),
                quote.refund().currency(), "pm-cancel-" + subscription.id());
        Cancellation done = gateway.call("cancel now", provider -> provider.cancelNow(request));
        Money refunded = Money.of(done.refundedAmount(), quote.refund().currency());
        if (done.refundId() != null && done.refundedAmount() > 0) {
            invoices.insertRefund(exec, done.refundId(), subscription.provider(), subscription.userId(),
                    subscription.id(), invoiceId, refunded, now.truncatedTo(ChronoUnit.MICROS));
        }
        StoredSubscription after = changes.storeCallResult(exec, subscription, done.subscription());
        return new CancelResult(CancelMode.NOW, after.view(rule), refunded);
    }

    private CancelResult cancelAtPeriodEnd(DbExecute exec, StoredSubscription subscription) {
        SubscriptionSnapshot snapshot = gateway.call("cancel at period end",
                provider -> provider.cancelAtPeriodEnd(subscription.id(), "pm-cancel-end-" + subscription.id()));
        StoredSubscription after = changes.storeCallResult(exec, subscription, snapshot);
        return new CancelResult(CancelMode.PERIOD_END, after.view(rule), Money.of(0, currencyOf(subscription)));
    }

    private RefundQuote quote(DbExecute exec, StoredSubscription subscription, Instant now) {
        return quoteOf(exec, subscription, now).view();
    }

    /** The refund of cancelling now, from the last paid invoice, never more than is left of its payment. */
    private Quote quoteOf(DbExecute exec, StoredSubscription subscription, Instant now) {
        Optional<StoredInvoice> paid = invoices.lastPaid(exec, subscription.id());
        if (paid.isEmpty()) {
            Money none = Money.of(0, currencyOf(subscription));
            return new Quote(null, new RefundQuote(none, null, null, none, null, null, now));
        }
        Invoice invoice = paid.get().invoice();
        long prorated = ProratedRefund.amount(invoice.amountPaid().amount(), invoice.periodStart(), invoice.periodEnd(),
                now);
        long left = invoice.amountPaid().amount() - invoices.refunded(exec, paid.get().id());
        Money refund = Money.of(Math.clamp(prorated, 0, Math.max(left, 0)), invoice.amountPaid().currency());
        return new Quote(paid.get().id(), new RefundQuote(refund, invoice.number(), invoice.hostedUrl(),
                invoice.amountPaid(), invoice.periodStart(), invoice.periodEnd(), now));
    }

    private record Quote(String invoiceId, RefundQuote view) {
        Money refund() {
            return view.amount();
        }
    }

    private StoredSubscription cancellable(DbExecute exec, Actor actor) {
        return subscriptions.ofUser(exec, actor.userId()).stream()
                .filter(StoredSubscription::cancellable)
                .max(Comparator.comparing(StoredSubscription::currentPeriodEnd))
                .orElseThrow(BillingService::nothingToCancel);
    }

    private static DomainException nothingToCancel() {
        return new DomainException(ErrorCode.NOT_SUBSCRIBED, "You have no subscription to cancel");
    }

    private String currencyOf(StoredSubscription subscription) {
        return price(subscription.interval()).currency();
    }

    private void requireManage(Actor actor) {
        gateway.id();
        actor.requireScope(Scope.KEYS_MANAGE);
    }

    private User user(DbExecute exec, Actor actor) {
        return users.find(exec, actor.userId()).orElseThrow(() -> DomainException.notFound("User"));
    }

    private String successUrl() {
        return consoleUrl("/billing/return") + "?session_id=" + CheckoutRequest.SESSION_ID_PLACEHOLDER;
    }

    private URI consoleUrl(String path) {
        return URI.create(settings.consolePublicUrl() + path);
    }

    private static URI requireWebAddress(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw DomainException.invalid("returnUrl", "must be an absolute http or https address");
        }
        return url;
    }
}
