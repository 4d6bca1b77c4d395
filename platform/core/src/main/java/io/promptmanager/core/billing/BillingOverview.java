package io.promptmanager.core.billing;

import io.promptmanager.core.common.Money;
import io.promptmanager.core.plan.Plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the billing page shows a user.
 *
 * @param plan              the account's plan now
 * @param billingAvailable  false when no billing plugin is installed: nothing can be bought or cancelled
 * @param monthlyPrice      what PRO costs per month
 * @param yearlyPrice       what PRO costs per year
 * @param subscription      the current (or, once ended, the latest) subscription; null when the
 *                          user never subscribed
 * @param proSince          when the current subscription started paying for PRO, or null
 * @param hasBillingAccount true once the user has a customer at the processor (the customer
 *                          portal can then be opened)
 * @param invoices          the latest invoices, newest first (at most {@value BillingService#LISTED})
 * @param refunds           the latest refunds, newest first (at most {@value BillingService#LISTED})
 */
public record BillingOverview(Plan plan, boolean billingAvailable, Money monthlyPrice, Money yearlyPrice,
                              Subscription subscription, Instant proSince, boolean hasBillingAccount,
                              List<Invoice> invoices, List<Refund> refunds) {
    public BillingOverview {
        invoices = List.copyOf(invoices);
        refunds = List.copyOf(refunds);
    }

    public Optional<Subscription> currentSubscription() {
        return Optional.ofNullable(subscription);
    }
}
