package io.promptmanager.core.common;

/**
 * Stable error codes shared by every door (API and console). The status is the HTTP status the
 * API answers with; the console shows the same code's message.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Validation failed"),
    CREDENTIALS_IN_QUERY(400, "Credentials in the query string"),
    WEBHOOK_SIGNATURE_INVALID(400, "Webhook signature invalid"),
    UNAUTHENTICATED(401, "Authentication required"),
    PLAN_REQUIRED(403, "Plan does not include this feature"),
    SCOPE_REQUIRED(403, "API key lacks the required scope"),
    FORBIDDEN(403, "Forbidden"),
    ACCOUNT_DISABLED(403, "Account disabled"),
    SIGNUP_DISABLED(403, "Sign-up is disabled"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    CONFLICT(409, "Conflict"),
    ALREADY_SUBSCRIBED(409, "Already subscribed"),
    NOT_SUBSCRIBED(409, "No subscription"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    QUOTA_EXCEEDED(429, "Quota exceeded"),
    TOO_MANY_ATTEMPTS(429, "Too many attempts"),
    BYOK_KEY_REJECTED(422, "Your provider key was rejected"),
    PROVIDER_BLOCKED(422, "Blocked by the provider"),
    PROVIDER_REJECTED_REQUEST(422, "Request rejected by the provider"),
    PROVIDER_REJECTED_KEY(502, "Provider rejected the key"),
    PROVIDER_CREDITS_EXHAUSTED(502, "Provider credits exhausted"),
    PROVIDER_ERROR(502, "Provider error"),
    PAYMENT_PROCESSOR_REJECTED(502, "Payment processor refused the request"),
    PROVIDER_UNAVAILABLE(503, "Provider unavailable"),
    KEY_STORAGE_UNAVAILABLE(503, "Key storage unavailable"),
    BILLING_UNAVAILABLE(503, "Billing unavailable"),
    PAYMENT_PROCESSOR_UNAVAILABLE(503, "Payment processor unavailable"),
    PROVIDER_TIMEOUT(504, "Provider timeout"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
