package io.promptmanager.plugin.billing;

import java.net.URI;

/**
 * A request for a hosted subscription checkout.
 *
 * @param userReference  the platform's user id; the provider stores it on the checkout session
 *                       (Stripe: {@code client_reference_id}) and on the subscription's metadata
 *                       so every later event names the user; never null
 * @param email          the user's e-mail, prefilled when no customer exists yet; never null
 * @param customerId     the processor's customer id from an earlier subscription, or null
 * @param interval       monthly or yearly price; never null
 * @param successUrl     where the processor sends the user after paying; never null
 * @param cancelUrl      where the processor sends the user who gives up; never null
 * @param idempotencyKey the key for the processor write; never null
 */
public record CheckoutRequest(String userReference, String email, String customerId, BillingInterval interval,
                              URI successUrl, URI cancelUrl, String idempotencyKey) {
}
