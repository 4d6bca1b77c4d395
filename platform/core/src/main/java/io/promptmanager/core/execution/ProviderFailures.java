package io.promptmanager.core.execution;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.RetryLaterException;
import io.promptmanager.plugin.model.ProviderException;

import java.time.Duration;

/** What a provider failure means for the caller: a stable platform code and a message safe to show. */
final class ProviderFailures {
    private ProviderFailures() {
    }

    static ErrorCode code(ProviderException e) {
        return switch (e.kind()) {
            case INVALID_CREDENTIALS -> ErrorCode.PROVIDER_REJECTED_KEY;
            case INSUFFICIENT_CREDITS -> ErrorCode.PROVIDER_CREDITS_EXHAUSTED;
            case BLOCKED -> ErrorCode.PROVIDER_BLOCKED;
            case BAD_REQUEST -> ErrorCode.PROVIDER_REJECTED_REQUEST;
            case RATE_LIMITED, UNAVAILABLE -> ErrorCode.PROVIDER_UNAVAILABLE;
            case TIMEOUT -> ErrorCode.PROVIDER_TIMEOUT;
            case MALFORMED_RESPONSE, STREAM_ERROR, INTERNAL -> ErrorCode.PROVIDER_ERROR;
        };
    }

    /** The exception the caller gets; PROVIDER_UNAVAILABLE carries the provider's retry-after. */
    static DomainException toDomain(ProviderException e, BillingType billing, Duration timeout) {
        if (billing == BillingType.BYOK && (e.kind() == ProviderException.Kind.INVALID_CREDENTIALS
                || e.kind() == ProviderException.Kind.INSUFFICIENT_CREDITS)) {
            // never retried on the platform's key: the user chose to pay with their own
            return new DomainException(ErrorCode.BYOK_KEY_REJECTED, e.kind() == ProviderException.Kind.INVALID_CREDENTIALS
                    ? "OpenRouter rejected your own API key: check or replace the key in your BYOK settings"
                    : "OpenRouter says your own API key has no credit left: check your OpenRouter account or "
                    + "replace the key in your BYOK settings");
        }
        ErrorCode code = code(e);
        String detail = switch (code) {
            case PROVIDER_REJECTED_KEY -> billing == BillingType.BYOK
                    ? "The provider rejected your API key"
                    : "The provider rejected the platform's API key; the operator must replace it";
            case PROVIDER_CREDITS_EXHAUSTED -> billing == BillingType.BYOK
                    ? "Your provider account has no credit left"
                    : "The platform's provider account has no credit left; try again later";
            case PROVIDER_BLOCKED -> "The provider's moderation refused this input" + reason(e);
            case PROVIDER_REJECTED_REQUEST -> "The provider refused the request" + reason(e);
            case PROVIDER_UNAVAILABLE -> "The provider is unavailable or overloaded; try again later" + reason(e);
            case PROVIDER_TIMEOUT -> "The provider did not answer within " + timeout.toSeconds() + " seconds";
            default -> "The provider failed" + (e.streamStarted() ? " in the middle of its answer" : "") + reason(e);
        };
        if (code == ErrorCode.PROVIDER_UNAVAILABLE) {
            return new RetryLaterException(code, detail, e.retryAfter().orElse(null));
        }
        return new DomainException(code, detail);
    }

    private static String reason(ProviderException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "" : ": " + message;
    }
}
