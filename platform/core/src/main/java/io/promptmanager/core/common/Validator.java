package io.promptmanager.core.common;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one request, then fails once with all of them. */
public final class Validator {
    private final List<Violation> violations = new ArrayList<>();

    public Validator check(boolean ok, String field, String message) {
        if (!ok) {
            violations.add(new Violation(field, message));
        }
        return this;
    }

    public Validator add(Violation violation) {
        violations.add(violation);
        return this;
    }

    public Validator addAll(List<Violation> more) {
        violations.addAll(more);
        return this;
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
    }
}
