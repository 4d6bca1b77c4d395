package io.promptmanager.core.billing;

import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.AccountChangeListener;
import io.promptmanager.core.user.UserRepository;
import io.promptmanager.core.user.UserService;
import io.promptmanager.plugin.billing.BillingProvider;

import java.time.Clock;
import java.util.Optional;

/**
 * The billing services over one database and the installed billing provider (if any), wired
 * together; {@link #startSweep()} starts the grace sweep and {@link #close()} stops it.
 */
public final class Billing implements AutoCloseable {
    private final BillingService service;
    private final BillingWebhooks webhooks;
    private final GraceSweep sweep;
    private final BillingSettings settings;

    /** @param accountChanges told after a committed plan change, e.g. to drop cached API keys */
    public Billing(Transactions transactions, Optional<BillingProvider> provider, UserService userService,
                   UserRepository users, AuditLog audit, PlanCatalog plans, BillingSettings settings,
                   AccountChangeListener accountChanges, Clock clock) {
        this.settings = settings;
        BillingGateway gateway = new BillingGateway(provider);
        PlanRule rule = new PlanRule(settings.gracePeriod());
        SubscriptionRepository subscriptions = new SubscriptionRepository();
        InvoiceRepository invoices = new InvoiceRepository();
        SubscriptionChanges changes = new SubscriptionChanges(subscriptions, userService, audit, rule, clock);
        this.service = new BillingService(transactions, gateway, subscriptions, invoices, users, changes, plans, rule,
                audit, settings, clock);
        this.webhooks = new BillingWebhooks(transactions, gateway, new WebhookEventRepository(), subscriptions,
                invoices, users, changes, accountChanges, clock);
        this.sweep = new GraceSweep(transactions, subscriptions, changes, rule, accountChanges, clock);
    }

    /** Runs the grace sweep every {@code billing.grace-sweep-interval} until closed. */
    public Billing startSweep() {
        sweep.start(settings.sweepInterval());
        return this;
    }

    public BillingService service() {
        return service;
    }

    public BillingWebhooks webhooks() {
        return webhooks;
    }

    public GraceSweep sweep() {
        return sweep;
    }

    @Override
    public void close() {
        sweep.close();
    }
}
