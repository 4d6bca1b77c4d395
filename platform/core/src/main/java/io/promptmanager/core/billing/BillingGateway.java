package io.promptmanager.core.billing;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.RetryLaterException;
import io.promptmanager.core.plugin.ContextClassLoader;
import io.promptmanager.core.plugin.Redaction;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingProvider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The installed billing provider, if any, and every call into it: run with the plugin's context
 * class loader, timed, logged (never with a secret, a signature or a body) and translated into
 * the platform's error codes. Without a provider every operation is BILLING_UNAVAILABLE.
 */
public final class BillingGateway {
    static final String NOT_CONFIGURED = "Billing is not configured on this server";
    private static final Logger LOG = Logger.getLogger(BillingGateway.class.getName());
    private static final Duration SLOW = Duration.ofSeconds(2);

    private final BillingProvider provider;

    /** @param provider the started billing provider, or empty when none is installed */
    public BillingGateway(Optional<BillingProvider> provider) {
        this.provider = provider.orElse(null);
    }

    public boolean available() {
        return provider != null;
    }

    /** The provider's id; BILLING_UNAVAILABLE without one. */
    String id() {
        return require().id();
    }

    /** BILLING_UNAVAILABLE without a provider; NOT_FOUND when {@code providerId} names another one. */
    void requireId(String providerId) {
        if (!require().id().equals(providerId)) {
            throw DomainException.notFound("Billing provider '" + providerId + "'");
        }
    }

    private BillingProvider require() {
        if (provider == null) {
            throw new DomainException(ErrorCode.BILLING_UNAVAILABLE, NOT_CONFIGURED);
        }
        return provider;
    }

    /**
     * Calls the provider. Its BillingException becomes PAYMENT_PROCESSOR_UNAVAILABLE (retryable),
     * PAYMENT_PROCESSOR_REJECTED, NOT_FOUND, WEBHOOK_SIGNATURE_INVALID or VALIDATION_FAILED; any
     * other exception is a bug of the plugin, logged and reported as INTERNAL_ERROR.
     */
    <T> T call(String operation, Function<BillingProvider, T> action) {
        BillingProvider billing = require();
        String label = billing.id() + " " + operation;
        long start = System.nanoTime();
        try {
            T result = ContextClassLoader.call(billing, () -> action.apply(billing));
            if (result == null) {
                throw new IllegalStateException(operation + " returned null");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Level level = took.compareTo(SLOW) > 0 ? Level.INFO : Level.FINE;
            LOG.log(level, () -> label + " took " + took.toMillis() + " ms");
            return result;
        } catch (BillingException e) {
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            Level level = e.reason() == BillingException.Reason.PROCESSOR_UNAVAILABLE ? Level.WARNING : Level.INFO;
            LOG.log(level, () -> label + " failed after " + took + " ms: " + e.reason() + " — " + e.getMessage());
            throw translate(e);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, label + " failed unexpectedly (a bug of the plugin)", Redaction.redact(e, List.of()));
            throw new DomainException(ErrorCode.INTERNAL_ERROR, "The billing plugin failed unexpectedly");
        }
    }

    static DomainException translate(BillingException e) {
        return switch (e.reason()) {
            case PROCESSOR_UNAVAILABLE -> new RetryLaterException(ErrorCode.PAYMENT_PROCESSOR_UNAVAILABLE,
                    "The payment processor cannot be reached right now; try again in a few minutes", null);
            case PROCESSOR_REJECTED -> new DomainException(ErrorCode.PAYMENT_PROCESSOR_REJECTED,
                    "The payment processor refused the request: " + e.getMessage());
            case NOT_FOUND -> new DomainException(ErrorCode.NOT_FOUND,
                    "The payment processor does not know this object: " + e.getMessage());
            case INVALID_SIGNATURE -> new DomainException(ErrorCode.WEBHOOK_SIGNATURE_INVALID,
                    "The webhook signature is missing, invalid or too old");
            case MALFORMED_PAYLOAD -> DomainException.invalid("body", "the webhook body is not a readable event");
        };
    }
}
