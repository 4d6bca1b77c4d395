package io.promptmanager.stripe.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Stripe's request parameters as they travel: {@code application/x-www-form-urlencoded} (the body
 * of a POST, the query of a GET or DELETE) with nesting in bracket notation
 * ({@code line_items[0][price]=price_…}, {@code subscription_data[metadata][user_id]=…}). Kept flat,
 * keyed by the decoded bracketed name, as Stripe's own validation reports them.
 */
record FormParams(Map<String, String> values) {

    static FormParams parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.put(name, value);
            }
        }
        return new FormParams(Collections.unmodifiableMap(values));
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The entries under {@code prefix[…]}, keyed by what is inside the brackets: {@code metadata[user_id]}. */
    Map<String, String> map(String prefix) {
        Map<String, String> entries = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix + "[") && name.endsWith("]") && name.indexOf('[', prefix.length() + 1) < 0) {
                entries.put(name.substring(prefix.length() + 1, name.length() - 1), value);
            }
        });
        return entries;
    }

    /** The first name matching none of {@code allowed}, if any: Stripe refuses unknown parameters. */
    Optional<String> unknown(Pattern allowed) {
        return values.keySet().stream().filter(name -> !allowed.matcher(name).matches()).findFirst();
    }

    /** Order-independent form, for comparing the parameters of two requests. */
    Map<String, String> canonical() {
        return new TreeMap<>(values);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
