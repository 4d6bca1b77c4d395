package io.promptmanager.core.billing;

import io.promptmanager.core.common.Money;

import java.time.Instant;

/**
 * Money given back to the user's card when they cancelled at once.
 *
 * @param amount        refunded
 * @param created       when it was made
 * @param invoiceNumber the invoice whose payment it partly refunds, or null when unknown
 */
public record Refund(Money amount, Instant created, String invoiceNumber) {
}
