package io.promptmanager.stripe.testing;

import io.promptmanager.stripe.testing.StripeState.CheckoutSession;
import io.promptmanager.stripe.testing.StripeState.Invoice;
import io.promptmanager.stripe.testing.StripeState.InvoicePayment;
import io.promptmanager.stripe.testing.StripeState.Price;
import io.promptmanager.stripe.testing.StripeState.Refund;
import io.promptmanager.stripe.testing.StripeState.Subscription;

import java.util.List;
import java.util.Map;

import static io.promptmanager.stripe.testing.Json.array;

/**
 * Stripe objects as API version {@code 2026-07-29.dahlia} prints them, field for field after the
 * objects of Stripe's OpenAPI fixtures (github.com/stripe/openapi, {@code openapi/fixtures3.json} of
 * 2026-07-29) and the API reference (docs.stripe.com/api): a subscription's billing period on its
 * items, an invoice's subscription under {@code parent.subscription_details}, an invoice's payments
 * as {@code invoice_payment} objects naming their payment intent under {@code payment}.
 */
final class ObjectJson {
    private static final String ACCOUNT = "acct_1FakeStripeAccount";

    private ObjectJson() {
    }

    static Json price(Price price) {
        return Json.object()
                .put("id", price.id()).put("object", "price").put("active", true).put("billing_scheme", "per_unit")
                .put("created", price.created()).put("currency", price.currency()).put("custom_unit_amount", null)
                .put("livemode", false).put("lookup_key", null).put("metadata", Map.of()).put("nickname", null)
                .put("product", price.product())
                .put("recurring", Json.object().put("interval", price.interval()).put("interval_count", 1)
                        .put("meter", null).put("trial_period_days", null).put("usage_type", "licensed"))
                .put("tax_behavior", "unspecified").put("tiers_mode", null).put("transform_quantity", null)
                .put("type", "recurring").put("unit_amount", price.unitAmount())
                .put("unit_amount_decimal", Long.toString(price.unitAmount()));
    }

    static Json checkoutSession(CheckoutSession session, Price price, String apiBase) {
        boolean open = session.status.equals("open");
        return Json.object()
                .put("id", session.id).put("object", "checkout.session")
                .put("adaptive_pricing", Json.object().put("enabled", false))
                .put("after_expiration", null).put("allow_promotion_codes", null)
                .put("amount_subtotal", price.unitAmount() * session.quantity)
                .put("amount_total", price.unitAmount() * session.quantity)
                .put("automatic_tax", Json.object().put("enabled", false).put("liability", null)
                        .put("provider", null).put("status", null))
                .put("billing_address_collection", null).put("cancel_url", session.cancelUrl)
                .put("client_reference_id", session.clientReferenceId).put("client_secret", null)
                .put("collected_information", null).put("consent", null).put("consent_collection", null)
                .put("created", session.created).put("currency", price.currency()).put("currency_conversion", null)
                .put("custom_fields", List.of())
                .put("custom_text", Json.object().put("after_submit", null).put("shipping_address", null)
                        .put("submit", null).put("terms_of_service_acceptance", null))
                .put("customer", session.customer).put("customer_account", null)
                .put("customer_creation", session.customer == null && open ? "always" : null)
                .put("customer_details", open ? null : Json.object().put("address", null)
                        .put("business_name", null).put("email", session.customerEmail).put("individual_name", null)
                        .put("name", null).put("phone", null).put("tax_exempt", "none").put("tax_ids", List.of()))
                .put("customer_email", session.customerEmail).put("discounts", List.of())
                .put("expires_at", session.created + 24 * 3600).put("invoice", session.invoice)
                .put("invoice_creation", null).put("livemode", false).put("locale", null).put("metadata", Map.of())
                .put("mode", "subscription").put("origin_context", null).put("payment_intent", null)
                .put("payment_link", null).put("payment_method_collection", "always")
                .put("payment_method_configuration_details", null)
                .put("payment_method_options", Json.object().put("card", Json.object()
                        .put("request_three_d_secure", "automatic")))
                .put("payment_method_types", List.of("card")).put("payment_status", session.paymentStatus)
                .put("permissions", null).put("phone_number_collection", Json.object().put("enabled", false))
                .put("recovered_from", null).put("saved_payment_method_options", Json.object()
                        .put("allow_redisplay_filters", List.of("always")).put("payment_method_remove", "disabled")
                        .put("payment_method_save", null))
                .put("setup_intent", null).put("shipping_address_collection", null).put("shipping_cost", null)
                .put("shipping_options", List.of()).put("status", session.status).put("submit_type", null)
                .put("subscription", session.subscription).put("success_url", session.successUrl)
                .put("total_details", Json.object().put("amount_discount", 0).put("amount_shipping", 0)
                        .put("amount_tax", 0))
                .put("ui_mode", "hosted_page")
                // The hosted page itself is not faked; the URL names the session as Stripe's do.
                .put("url", open ? apiBase + "/c/pay/" + session.id : null)
                .put("wallet_options", null);
    }

    static Json portalSession(String id, String customer, String returnUrl, long created, String url) {
        return Json.object()
                .put("id", id).put("object", "billing_portal.session").put("configuration", "bpc_1FakePortalConfig")
                .put("created", created).put("customer", customer).put("customer_account", null).put("flow", null)
                .put("livemode", false).put("locale", null).put("on_behalf_of", null).put("return_url", returnUrl)
                .put("url", url);
    }

    static Json subscription(Subscription subscription, Price price) {
        Json item = Json.object()
                .put("id", subscription.itemId).put("object", "subscription_item").put("billing_thresholds", null)
                .put("created", subscription.created).put("current_period_end", subscription.periodEnd)
                .put("current_period_start", subscription.periodStart).put("discounts", List.of())
                .put("metadata", Map.of()).put("plan", plan(price)).put("price", price(price))
                .put("quantity", subscription.quantity).put("subscription", subscription.id)
                .put("tax_rates", List.of());
        return Json.object()
                .put("id", subscription.id).put("object", "subscription").put("application", null)
                .put("application_fee_percent", null)
                .put("automatic_tax", Json.object().put("disabled_reason", null).put("enabled", false)
                        .put("liability", null))
                .put("billing_cycle_anchor", subscription.created)
                .put("billing_cycle_anchor_config", null)
                .put("billing_mode", Json.object().put("flexible", null).put("type", "classic"))
                .put("billing_thresholds", null).put("cancel_at", subscription.cancelAt)
                .put("cancel_at_period_end", subscription.cancelAtPeriodEnd)
                .put("canceled_at", subscription.canceledAt)
                .put("cancellation_details", Json.object().put("comment", null).put("feedback", null)
                        .put("reason", subscription.cancellationReason))
                .put("collection_method", "charge_automatically").put("created", subscription.created)
                .put("currency", price.currency()).put("customer", subscription.customer)
                .put("customer_account", null).put("days_until_due", null).put("default_payment_method", null)
                .put("default_source", null).put("default_tax_rates", List.of()).put("description", null)
                .put("discounts", List.of()).put("ended_at", subscription.endedAt)
                .put("invoice_settings", Json.object().put("account_tax_ids", null)
                        .put("issuer", Json.object().put("type", "self")))
                .put("items", Json.list("/v1/subscription_items?subscription=" + subscription.id, array(item)))
                .put("latest_invoice", subscription.latestInvoice).put("livemode", false)
                .put("metadata", subscription.metadata).put("next_pending_invoice_item_invoice", null)
                .put("on_behalf_of", null).put("pause_collection", null)
                .put("payment_settings", Json.object().put("payment_method_options", null)
                        .put("payment_method_types", null).put("save_default_payment_method", "off"))
                .put("pending_invoice_item_interval", null).put("pending_setup_intent", null)
                .put("pending_update", null).put("schedule", null).put("start_date", subscription.created)
                .put("status", subscription.status).put("test_clock", null).put("transfer_data", null)
                .put("trial_end", null)
                .put("trial_settings", Json.object().put("end_behavior", Json.object()
                        .put("missing_payment_method", "create_invoice")))
                .put("trial_start", null);
    }

    static Json invoice(Invoice invoice, Price price) {
        Json line = Json.object()
                .put("id", invoice.lineId).put("object", "line_item").put("amount", invoice.amount)
                .put("currency", invoice.currency)
                .put("description", "1 × " + price.product() + " (at " + money(price) + " / " + price.interval() + ")")
                .put("discount_amounts", List.of()).put("discountable", true).put("discounts", List.of())
                .put("invoice", invoice.id).put("livemode", false).put("metadata", Map.of())
                .put("parent", Json.object().put("invoice_item_details", null)
                        .put("subscription_item_details", Json.object().put("invoice_item", null)
                                .put("proration", false).put("proration_details", Json.object()
                                        .put("credited_items", null))
                                .put("subscription", invoice.subscription)
                                .put("subscription_item", invoice.subscriptionItem))
                        .put("type", "subscription_item_details"))
                .put("period", Json.object().put("end", invoice.linePeriodEnd).put("start", invoice.linePeriodStart))
                .put("pretax_credit_amounts", List.of())
                .put("pricing", Json.object().put("price_details", Json.object().put("price", invoice.priceId)
                        .put("product", price.product())).put("type", "price_details")
                        .put("unit_amount_decimal", Long.toString(price.unitAmount())))
                .put("quantity", 1).put("quantity_decimal", null).put("subscription", invoice.subscription)
                .put("subtotal", invoice.amount).put("taxes", List.of());
        boolean paid = invoice.status.equals("paid");
        return Json.object()
                .put("id", invoice.id).put("object", "invoice").put("account_country", "US")
                .put("account_name", "Prompt Manager (fake Stripe)").put("account_tax_ids", null)
                .put("amount_due", invoice.amount).put("amount_overpaid", 0).put("amount_paid", invoice.amountPaid)
                .put("amount_remaining", invoice.amount - invoice.amountPaid).put("amount_shipping", 0)
                .put("application", null).put("attempt_count", invoice.attemptCount)
                .put("attempted", invoice.attemptCount > 0).put("auto_advance", !paid)
                .put("automatic_tax", Json.object().put("disabled_reason", null).put("enabled", false)
                        .put("liability", null).put("provider", null).put("status", null))
                .put("automatically_finalizes_at", null).put("billing_reason", invoice.billingReason)
                .put("collection_method", "charge_automatically").put("confirmation_secret", null)
                .put("created", invoice.created).put("currency", invoice.currency).put("custom_fields", null)
                .put("customer", invoice.customer).put("customer_account", null).put("customer_address", null)
                .put("customer_email", invoice.customerEmail).put("customer_name", null).put("customer_phone", null)
                .put("customer_shipping", null).put("customer_tax_exempt", "none").put("customer_tax_ids", List.of())
                .put("default_payment_method", null).put("default_source", null).put("default_tax_rates", List.of())
                .put("description", null).put("discounts", List.of()).put("due_date", null)
                .put("effective_at", invoice.created).put("ending_balance", 0).put("footer", null)
                .put("from_invoice", null)
                .put("hosted_invoice_url", "https://invoice.stripe.com/i/" + ACCOUNT + "/test_" + invoice.id)
                .put("invoice_pdf", "https://pay.stripe.com/invoice/" + ACCOUNT + "/test_" + invoice.id + "/pdf")
                .put("issuer", Json.object().put("type", "self")).put("last_finalization_error", null)
                .put("latest_revision", null)
                .put("lines", Json.list("/v1/invoices/" + invoice.id + "/lines", array(line)))
                .put("livemode", false).put("metadata", Map.of())
                .put("next_payment_attempt", invoice.nextPaymentAttempt).put("number", invoice.number)
                .put("on_behalf_of", null)
                .put("parent", Json.object().put("quote_details", null)
                        .put("subscription_details", Json.object().put("metadata", invoice.subscriptionMetadata)
                                .put("subscription", invoice.subscription))
                        .put("type", "subscription_details"))
                .put("payment_settings", Json.object().put("default_mandate", null)
                        .put("payment_method_options", null).put("payment_method_types", null))
                .put("period_end", invoice.periodEnd).put("period_start", invoice.periodStart)
                .put("post_payment_credit_notes_amount", 0).put("pre_payment_credit_notes_amount", 0)
                .put("receipt_number", null).put("rendering", null).put("shipping_cost", null)
                .put("shipping_details", null).put("starting_balance", 0).put("statement_descriptor", null)
                .put("status", invoice.status)
                .put("status_transitions", Json.object().put("finalized_at", invoice.created)
                        .put("marked_uncollectible_at", null).put("paid_at", invoice.paidAt).put("voided_at", null))
                .put("subtotal", invoice.amount).put("subtotal_excluding_tax", invoice.amount).put("test_clock", null)
                .put("total", invoice.amount).put("total_discount_amounts", List.of())
                .put("total_excluding_tax", invoice.amount).put("total_pretax_credit_amounts", List.of())
                .put("total_taxes", List.of()).put("webhooks_delivered_at", invoice.created);
    }

    /** As in docs.stripe.com/api/invoice-payment/list: the payment intent under {@code payment}. */
    static Json invoicePayment(InvoicePayment payment) {
        return Json.object()
                .put("id", payment.id).put("object", "invoice_payment")
                .put("amount_paid", payment.status.equals("paid") ? payment.amount : null)
                .put("amount_requested", payment.amount).put("created", payment.created)
                .put("currency", payment.currency).put("invoice", payment.invoice)
                .put("is_default", true).put("livemode", false)
                .put("payment", Json.object().put("payment_intent", payment.paymentIntent)
                        .put("type", "payment_intent"))
                .put("status", payment.status)
                .put("status_transitions", Json.object().put("canceled_at", null).put("paid_at", payment.paidAt));
    }

    static Json refund(Refund refund) {
        return Json.object()
                .put("id", refund.id()).put("object", "refund").put("amount", refund.amount())
                .put("balance_transaction", Ids.next("txn")).put("charge", refund.charge())
                .put("created", refund.created()).put("currency", refund.currency())
                .put("destination_details", Json.object().put("card", Json.object().put("reference", null)
                        .put("reference_status", "pending").put("reference_type", "acquirer_reference_number")
                        .put("type", "refund")).put("type", "card"))
                .put("metadata", refund.metadata()).put("payment_intent", refund.paymentIntent())
                .put("reason", refund.reason()).put("receipt_number", null).put("source_transfer_reversal", null)
                .put("status", "succeeded").put("transfer_reversal", null);
    }

    private static Json plan(Price price) {
        return Json.object()
                .put("id", price.id()).put("object", "plan").put("active", true).put("amount", price.unitAmount())
                .put("amount_decimal", Long.toString(price.unitAmount())).put("billing_scheme", "per_unit")
                .put("created", price.created()).put("currency", price.currency()).put("interval", price.interval())
                .put("interval_count", 1).put("livemode", false).put("metadata", Map.of()).put("meter", null)
                .put("nickname", null).put("product", price.product()).put("tiers_mode", null)
                .put("transform_usage", null).put("trial_period_days", null).put("usage_type", "licensed");
    }

    private static String money(Price price) {
        return "$" + price.unitAmount() / 100 + "." + String.format("%02d", price.unitAmount() % 100);
    }
}
