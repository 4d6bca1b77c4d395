package io.promptmanager.server.http;

import io.helidon.common.uri.UriQuery;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses credentials in a query string: URLs end up in proxy logs, browser history and
 * referrers, so a key sent there must never be accepted (it should be rotated instead).
 * Suspicious are parameter names like {@code api_key}, {@code key}, {@code token},
 * {@code access_token}, and any name or value starting with an API key prefix.
 */
final class QueryCredentials {
    private static final Set<String> NAMES = Set.of("apikey", "key", "token", "accesstoken", "authorization",
            "bearer", "auth");
    /** {@code pmk_} is the prefix of Prompt Manager API keys; kept as a list should it ever change. */
    private static final List<String> KEY_PREFIXES = List.of("pmk_");

    private QueryCredentials() {
    }

    static void refuse(UriQuery query) {
        for (String name : query.names()) {
            if (suspiciousName(name) || looksLikeKey(name)
                    || query.all(name).stream().anyMatch(QueryCredentials::looksLikeKey)) {
                throw new DomainException(ErrorCode.CREDENTIALS_IN_QUERY, "Credentials are not accepted in the query "
                        + "string (parameter '" + safeName(name) + "'). Send the API key only as "
                        + "'Authorization: Bearer <key>', and revoke a key that was sent in a URL.");
            }
        }
    }

    private static boolean suspiciousName(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[-_.\\s]", "");
        return NAMES.contains(normalized) || normalized.endsWith("apikey") || normalized.endsWith("token");
    }

    private static boolean looksLikeKey(String value) {
        for (String prefix : KEY_PREFIXES) {
            if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static String safeName(String name) {
        return looksLikeKey(name) ? "(a key)" : name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
