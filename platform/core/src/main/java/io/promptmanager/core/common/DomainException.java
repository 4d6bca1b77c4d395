package io.promptmanager.core.common;

import java.util.List;

/**
 * A rule of the product said no. The message is safe to show to the caller: it never holds a
 * secret, SQL or a stack trace.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final List<Violation> violations;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public DomainException(ErrorCode code, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static DomainException invalid(List<Violation> violations) {
        return new DomainException(ErrorCode.VALIDATION_FAILED,
                violations.size() == 1 ? violations.getFirst().message()
                        : violations.size() + " problems in the request", violations);
    }

    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static DomainException planRequired(String feature) {
        return new DomainException(ErrorCode.PLAN_REQUIRED, feature + " requires the PRO plan");
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ErrorCode.CONFLICT, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
