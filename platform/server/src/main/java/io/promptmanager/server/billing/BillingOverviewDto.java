package io.promptmanager.server.billing;

import io.promptmanager.core.billing.BillingOverview;
import io.promptmanager.core.billing.Invoice;
import io.promptmanager.core.billing.Refund;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/billing}. */
public record BillingOverviewDto(String plan, boolean billingAvailable, Prices prices, SubscriptionDto subscription,
                                 Instant proSince, boolean hasBillingAccount, List<InvoiceDto> invoices,
                                 List<RefundDto> refunds) {

    /** What PRO costs. */
    public record Prices(MoneyDto month, MoneyDto year) {
    }

    public record InvoiceDto(String number, String status, MoneyDto amountPaid, MoneyDto amountDue, Instant created,
                             Instant periodStart, Instant periodEnd, String hostedUrl) {
        static InvoiceDto from(Invoice i) {
            return new InvoiceDto(i.number(), i.status(), MoneyDto.from(i.amountPaid()), MoneyDto.from(i.amountDue()),
                    i.created(), i.periodStart(), i.periodEnd(), i.hostedUrl() == null ? null : i.hostedUrl().toString());
        }
    }

    public record RefundDto(MoneyDto amount, Instant created, String invoiceNumber) {
        static RefundDto from(Refund r) {
            return new RefundDto(MoneyDto.from(r.amount()), r.created(), r.invoiceNumber());
        }
    }

    static BillingOverviewDto from(BillingOverview o) {
        return new BillingOverviewDto(o.plan().name(), o.billingAvailable(),
                new Prices(MoneyDto.from(o.monthlyPrice()), MoneyDto.from(o.yearlyPrice())),
                SubscriptionDto.from(o.subscription()), o.proSince(), o.hasBillingAccount(),
                o.invoices().stream().map(InvoiceDto::from).toList(), o.refunds().stream().map(RefundDto::from).toList());
    }
}
