package io.promptmanager.server.billing;

import io.promptmanager.core.common.DomainException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Billing values on the wire in lower case, as the payment processor writes them
 * ({@code month}, {@code past_due}, {@code period_end}).
 */
final class WireNames {
    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant named {@code wire}; VALIDATION_FAILED on {@code field} listing the accepted names otherwise. */
    static <E extends Enum<E>> E parse(String field, String wire, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(wire)) {
                return constant;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "));
        throw DomainException.invalid(field, field + " must be one of: " + accepted);
    }
}
