package io.promptmanager.stripe.testing;

import java.util.Map;
import java.util.Optional;

/**
 * One API request the fake received, for assertions.
 *
 * @param method         {@code GET}, {@code POST} or {@code DELETE}
 * @param path           e.g. {@code /v1/refunds}
 * @param params         the decoded form or query parameters, flat, in bracket notation
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param stripeVersion  the {@code Stripe-Version} header, or null
 * @param status         the HTTP status answered (0 when the connection was dropped)
 * @param replayed       true when the answer was replayed from the idempotency store
 */
public record RecordedRequest(String method, String path, Map<String, String> params, String idempotencyKey,
                              String stripeVersion, int status, boolean replayed) {

    /** The parameter {@code name} ({@code line_items[0][price]}), if sent. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** True for {@code method} on {@code path}. */
    public boolean is(String method, String path) {
        return this.method.equals(method) && this.path.equals(path);
    }
}
