package io.promptmanager.plugin.billing;

import java.net.URI;
import java.time.Instant;

/**
 * An invoice of a subscription, as an event reported it. Amounts are integers in the currency's
 * minor unit (cents).
 *
 * @param id             the processor's invoice id; never null
 * @param number         the human-readable invoice number, or null while a draft
 * @param customerId     never null
 * @param subscriptionId the subscription billed, or null for a one-off invoice
 * @param userReference  the platform's user id from the subscription's metadata, or null
 * @param status         the processor's invoice status ({@code paid}, {@code open}, …); never null
 * @param amountPaid     what was paid, in minor units
 * @param amountDue      what is due, in minor units
 * @param currency       ISO 4217 code in lower case ({@code usd}); never null
 * @param periodStart    start of the service period billed (the subscription line's period); never null
 * @param periodEnd      end of the service period billed; never null
 * @param created        when the invoice was created; never null
 * @param hostedUrl      the processor's page for the invoice, or null
 */
public record InvoiceSnapshot(String id, String number, String customerId, String subscriptionId,
                              String userReference, String status, long amountPaid, long amountDue, String currency,
                              Instant periodStart, Instant periodEnd, Instant created, URI hostedUrl) {
}
