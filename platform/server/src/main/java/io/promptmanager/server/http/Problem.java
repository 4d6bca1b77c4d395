package io.promptmanager.server.http;

import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem details body with the platform's stable {@code code}; {@code violations}
 * only for VALIDATION_FAILED, {@code errorId} only for unexpected errors (also in the log).
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "code", "violations", "errorId"})
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<Violation> violations, String errorId) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:prompt-manager:problem:";

    public static Problem of(ErrorCode code, String detail, List<Violation> violations, String instance) {
        List<Violation> shown = code == ErrorCode.VALIDATION_FAILED ? List.copyOf(violations) : null;
        return new Problem(typeOf(code), code.title(), code.status(), detail, instance, code.name(), shown, null);
    }

    public static Problem of(ErrorCode code, String detail, String instance) {
        return of(code, detail, List.of(), instance);
    }

    /** An unexpected failure: a generic detail and the id under which the cause was logged. */
    public static Problem unexpected(String errorId, String instance) {
        ErrorCode code = ErrorCode.INTERNAL_ERROR;
        return new Problem(typeOf(code), code.title(), code.status(),
                "An unexpected error occurred. Quote error id " + errorId + " when reporting it.",
                instance, code.name(), null, errorId);
    }

    /** {@code urn:prompt-manager:problem:plan-required}: stable, and not pretending to be a web page. */
    public static String typeOf(ErrorCode code) {
        return TYPE_PREFIX + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
