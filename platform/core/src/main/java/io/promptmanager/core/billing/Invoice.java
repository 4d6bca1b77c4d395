package io.promptmanager.core.billing;

import io.promptmanager.core.common.Money;

import java.net.URI;
import java.time.Instant;

/**
 * An invoice of the user's subscription.
 *
 * @param number      the processor's invoice number, or null while a draft
 * @param status      the processor's status in lower case ({@code paid}, {@code open}, {@code void} …)
 * @param amountPaid  what was paid
 * @param amountDue   what was due
 * @param created     when it was issued
 * @param periodStart start of the service period billed
 * @param periodEnd   end of the service period billed
 * @param hostedUrl   the processor's page for it (view, download as PDF, pay), or null
 */
public record Invoice(String number, String status, Money amountPaid, Money amountDue, Instant created,
                      Instant periodStart, Instant periodEnd, URI hostedUrl) {

    public boolean paid() {
        return "paid".equals(status);
    }
}
