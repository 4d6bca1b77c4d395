package io.promptmanager.plugins.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;

import java.util.regex.Pattern;

/**
 * Turns stripe-java's exceptions into {@link BillingException}s whose messages are safe to show and
 * log. The StripeException is never kept as the cause: its message can carry Stripe's text about the
 * key ("Invalid API Key provided: sk_test_****abcd").
 */
final class StripeFailures {
    private static final int MAX_STRIPE_TEXT = 300;
    private static final String REDACTED = "[redacted]";
    // Anything shaped like a Stripe secret: API keys, restricted keys, webhook secrets, client secrets.
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "\\b(sk|rk)_(test|live)_[A-Za-z0-9*]+|\\bwhsec_[A-Za-z0-9+/=_-]+|_secret_[A-Za-z0-9]+"
                    + "|(?i)(?<=bearer\\s)\\S+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}]+");

    private StripeFailures() {
    }

    /** How a "no such object" answer is reported by the call at hand. */
    enum Missing {
        /** The object is what the call is about: NOT_FOUND. */
        NOT_FOUND,
        /** The call's contract has no NOT_FOUND (checkout, portal): PROCESSOR_REJECTED. */
        REJECTED
    }

    /**
     * The BillingException for a failed call.
     *
     * @param action what was attempted, e.g. "create the checkout session"
     */
    static BillingException translate(StripeException e, String action, Missing missing) {
        String request = e.getRequestId() == null ? "" : " (Stripe request " + e.getRequestId() + ")";
        if (e instanceof ApiConnectionException) {
            return new BillingException(Reason.PROCESSOR_UNAVAILABLE, "Stripe could not be reached to " + action);
        }
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        if (status == 0 || status == 409 || status == 429 || status >= 500) {
            return new BillingException(Reason.PROCESSOR_UNAVAILABLE,
                    "Stripe could not " + action + " for now (HTTP " + status + ")" + request);
        }
        if (e instanceof AuthenticationException) {
            return new BillingException(Reason.PROCESSOR_REJECTED,
                    "Stripe rejected the configured secret key (plugins.stripe.secret-key)" + request);
        }
        if (e instanceof PermissionException) {
            return new BillingException(Reason.PROCESSOR_REJECTED,
                    "The configured Stripe key may not " + action + " (a restricted key lacking a permission?)"
                            + request);
        }
        String text = stripeText(e);
        if ("resource_missing".equals(e.getCode()) && missing == Missing.NOT_FOUND) {
            return new BillingException(Reason.NOT_FOUND, "Stripe could not " + action + ": " + text + request);
        }
        return new BillingException(Reason.PROCESSOR_REJECTED, "Stripe refused to " + action + ": " + text + request);
    }

    /** Stripe's own explanation, one line, with anything secret-shaped removed. */
    static String safeText(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        String safe = SECRET_LIKE.matcher(text).replaceAll(REDACTED);
        safe = CONTROL.matcher(safe).replaceAll(" ").strip();
        return safe.length() <= MAX_STRIPE_TEXT ? safe : safe.substring(0, MAX_STRIPE_TEXT) + "…";
    }

    private static String stripeText(StripeException e) {
        return safeText(e.getStripeError() == null ? null : e.getStripeError().getMessage());
    }
}
