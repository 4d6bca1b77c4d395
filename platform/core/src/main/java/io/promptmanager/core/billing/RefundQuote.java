package io.promptmanager.core.billing;

import io.promptmanager.core.common.Money;

import java.net.URI;
import java.time.Instant;

/**
 * What cancelling at once would refund, computed at {@code quotedAt}: the amount paid on the last
 * paid invoice × unused time ÷ the invoice's period, rounded down to the cent.
 *
 * @param amount        the refund (0 when nothing is left to refund)
 * @param invoiceNumber the invoice whose payment is refunded, or null when there is none
 * @param invoiceUrl    the processor's page of that invoice, or null
 * @param amountPaid    what was paid on that invoice (0 when there is none)
 * @param periodStart   start of the paid period (null without invoice)
 * @param periodEnd     end of the paid period (null without invoice)
 * @param quotedAt      the moment the amount was computed for; it decreases as time passes
 */
public record RefundQuote(Money amount, String invoiceNumber, URI invoiceUrl, Money amountPaid, Instant periodStart,
                          Instant periodEnd, Instant quotedAt) {
}
