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
 * @param successUrl     where the processor sends the user after paying, an absolute http(s) address
 *                       that may hold the literal {@value #SESSION_ID_PLACEHOLDER}: the provider
 *                       makes the processor put the checkout session's id there (a text, not a
 *                       {@code URI}, because a URI cannot hold the braces unescaped); never null
 * @param cancelUrl      where the processor sends the user who gives up; never null
 * @param idempotencyKey the key for the processor write; never null
 */
public record CheckoutRequest(String userReference, String email, String customerId, BillingInterval interval,
                              String successUrl, URI cancelUrl, String idempotencyKey) {

    /** Where in {@link #successUrl()} the checkout session's id goes (Stripe's own placeholder). */
    public static final String SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}";
}
