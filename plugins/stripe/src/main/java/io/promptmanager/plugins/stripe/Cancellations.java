package io.promptmanager.plugins.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.InvoicePayment;
import com.stripe.model.Refund;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionUpdateParams;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import io.promptmanager.plugin.billing.CancelNowRequest;
import io.promptmanager.plugin.billing.Cancellation;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugins.stripe.StripeFailures.Missing;

/**
 * Ends subscriptions at Stripe: at once with a refund of part of the last payment, or at the end of
 * the paid period.
 *
 * <p>Cancelling at once first finds the payment to refund: the paid entry of
 * {@code GET /v1/invoice_payments?invoice=…&status=paid} (since {@code 2025-03-31.basil} an invoice
 * no longer names its charge or payment intent), checked for currency and amount, so a refund that
 * cannot be made cancels nothing. Then {@code DELETE /v1/subscriptions/{id}} with
 * {@code prorate=false} and {@code invoice_now=false}: Stripe neither credits the unused time to the
 * customer balance nor bills a final invoice, so the platform's refund to the card is the only money
 * moved back. Then {@code POST /v1/refunds} on that payment intent with the idempotency key
 * {@code <request key>:refund}.
 *
 * <p>Retrying the same request after a failure is safe. Stripe ignores idempotency keys on DELETE
 * (docs.stripe.com/api/idempotent_requests), so a retry after the cancellation went through meets
 * Stripe's answer for an already-cancelled subscription (404 "No such subscription"): the
 * subscription is then read back, and when it is cancelled the refund goes ahead, under the same key
 * as before, which Stripe applies once.
 */
final class Cancellations {
    private final StripeClient client;

    Cancellations(StripeClient client) {
        this.client = client;
    }

    Cancellation cancelNow(CancelNowRequest request) {
        if (request.refundAmount() <= 0) {
            return new Cancellation(snapshot(cancel(request.subscriptionId())), null, 0);
        }
        if (request.invoiceId() == null) {
            throw new BillingException(Reason.PROCESSOR_REJECTED, "A refund needs the invoice whose payment it refunds");
        }
        // Found and checked before anything changes, so a refund that cannot be made cancels nothing.
        InvoicePayment payment = paidPayment(request);
        SubscriptionSnapshot snapshot = snapshot(cancel(request.subscriptionId()));
        Refund refund = refund(payment, request);
        return new Cancellation(snapshot, refund.getId(), refund.getAmount());
    }

    SubscriptionSnapshot cancelAtPeriodEnd(String subscriptionId, String idempotencyKey) {
        try {
            return snapshot(client.v1().subscriptions().update(subscriptionId,
                    SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build(),
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()));
        } catch (StripeException e) {
            throw StripeFailures.translate(e, "cancel subscription " + subscriptionId + " at period end",
                    Missing.NOT_FOUND);
        }
    }

    private Subscription cancel(String subscriptionId) {
        String action = "cancel subscription " + subscriptionId;
        try {
            return client.v1().subscriptions().cancel(subscriptionId,
                    SubscriptionCancelParams.builder().setProrate(false).setInvoiceNow(false).build());
        } catch (StripeException e) {
            // 404 "No such subscription" (or a 400) may mean it is cancelled already, e.g. by a first attempt.
            int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
            if (status != 404 && status != 400) {
                throw StripeFailures.translate(e, action, Missing.NOT_FOUND);
            }
            Subscription current = retrieve(subscriptionId);
            if (!"canceled".equals(current.getStatus())) {
                throw StripeFailures.translate(e, action, Missing.NOT_FOUND);
            }
            return current;
        }
    }

    private Subscription retrieve(String subscriptionId) {
        try {
            return client.v1().subscriptions().retrieve(subscriptionId);
        } catch (StripeException e) {
            throw StripeFailures.translate(e, "read subscription " + subscriptionId, Missing.NOT_FOUND);
        }
    }

    private InvoicePayment paidPayment(CancelNowRequest request) {
        String action = "find the payment of invoice " + request.invoiceId();
        try {
            InvoicePayment payment = client.v1().invoicePayments().list(InvoicePaymentListParams.builder()
                            .setInvoice(request.invoiceId())
                            .setStatus(InvoicePaymentListParams.Status.PAID)
                            .build())
                    .getData().stream()
                    .filter(p -> p.getPayment() != null && p.getPayment().getPaymentIntent() != null)
                    .findFirst()
                    .orElseThrow(() -> new BillingException(Reason.NOT_FOUND,
                            "Invoice " + request.invoiceId() + " has no paid payment to refund"));
            if (payment.getCurrency() != null && !payment.getCurrency().equalsIgnoreCase(request.currency())) {
                throw new BillingException(Reason.PROCESSOR_REJECTED, "Invoice " + request.invoiceId()
                        + " was paid in " + payment.getCurrency() + ", not " + request.currency());
            }
            if (payment.getAmountPaid() != null && request.refundAmount() > payment.getAmountPaid()) {
                throw new BillingException(Reason.PROCESSOR_REJECTED, "Cannot refund " + request.refundAmount()
                        + " of invoice " + request.invoiceId() + ": " + payment.getAmountPaid() + " was paid");
            }
            return payment;
        } catch (StripeException e) {
            throw StripeFailures.translate(e, action, Missing.NOT_FOUND);
        }
    }

    private Refund refund(InvoicePayment payment, CancelNowRequest request) {
        try {
            return client.v1().refunds().create(RefundCreateParams.builder()
                            .setPaymentIntent(payment.getPayment().getPaymentIntent())
                            .setAmount(request.refundAmount())
                            .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                            .putMetadata("invoice", request.invoiceId())
                            .putMetadata("subscription", request.subscriptionId())
                            .build(),
                    RequestOptions.builder().setIdempotencyKey(request.idempotencyKey() + ":refund").build());
        } catch (StripeException e) {
            throw StripeFailures.translate(e, "refund invoice " + request.invoiceId(), Missing.NOT_FOUND);
        }
    }

    private static SubscriptionSnapshot snapshot(Subscription subscription) {
        try {
            return Snapshots.subscription(subscription).orElseThrow(() -> new BillingException(
                    Reason.PROCESSOR_REJECTED, "Subscription " + subscription.getId()
                    + " has no monthly or yearly price"));
        } catch (Snapshots.Unreadable e) {
            throw new BillingException(Reason.PROCESSOR_REJECTED, "Stripe's answer is unreadable: " + e.getMessage());
        }
    }
}
