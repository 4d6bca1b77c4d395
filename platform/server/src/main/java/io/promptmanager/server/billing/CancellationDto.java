package io.promptmanager.server.billing;

import io.promptmanager.core.billing.CancelResult;
import io.promptmanager.core.billing.CancellationOptions;
import io.promptmanager.core.billing.RefundQuote;

import java.time.Instant;

/** {@code GET /api/v1/billing/cancellation}: what each way of cancelling would do. */
public record CancellationDto(SubscriptionDto subscription, Now now, PeriodEnd periodEnd) {

    /** Cancel now: PRO ends at once and {@code refund} goes back to the card. */
    public record Now(MoneyDto refund, String invoiceNumber, String invoiceUrl, MoneyDto amountPaid,
                      Instant periodStart, Instant periodEnd, Instant quotedAt) {
        static Now from(RefundQuote q) {
            return new Now(MoneyDto.from(q.amount()), q.invoiceNumber(),
                    q.invoiceUrl() == null ? null : q.invoiceUrl().toString(), MoneyDto.from(q.amountPaid()),
                    q.periodStart(), q.periodEnd(), q.quotedAt());
        }
    }

    /** Cancel at the end of the period: PRO lasts until {@code proUntil}, nothing is refunded. */
    public record PeriodEnd(Instant proUntil) {
    }

    /** {@code POST /api/v1/billing/cancel}: what was done. */
    public record Result(String mode, SubscriptionDto subscription, MoneyDto refunded) {
        static Result from(CancelResult r) {
            return new Result(WireNames.of(r.mode()), SubscriptionDto.from(r.subscription()), MoneyDto.from(r.refunded()));
        }
    }

    static CancellationDto from(CancellationOptions o) {
        return new CancellationDto(SubscriptionDto.from(o.subscription()), Now.from(o.now()), new PeriodEnd(o.periodEnd()));
    }
}
