/**
 * The Stripe billing provider: hosted Checkout and Customer Portal sessions, verified webhook
 * events, immediate cancellation with a refund and cancellation at period end, through stripe-java
 * (bundled, with its Gson) and the Stripe API version it pins.
 */
package io.promptmanager.plugins.stripe;
