package io.promptmanager.stripe.testing;

/**
 * A refund the fake created.
 *
 * @param id            {@code re_…}
 * @param paymentIntent the payment intent refunded
 * @param amount        in minor units
 * @param currency      lower case
 */
public record Refunded(String id, String paymentIntent, long amount, String currency) {
}
