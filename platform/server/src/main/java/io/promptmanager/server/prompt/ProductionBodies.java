package io.promptmanager.server.prompt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.promptmanager.core.prompt.ProductionVersion;
import io.promptmanager.server.http.ApiJson;

import java.time.Duration;

/**
 * The JSON bodies of PRODUCTION versions, serialized once per content: applications fetch the
 * same version over and over, and writing it with JSON-B was a third of a cached fetch's CPU.
 * Keyed by the version's strong ETag, which changes whenever what the body shows changes, so an
 * entry never needs invalidating; bounded by size and dropped when unused.
 */
final class ProductionBodies {
    static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final Duration UNUSED_FOR = Duration.ofMinutes(10);

    private final Cache<String, byte[]> bodies = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String etag, byte[] body) -> etag.length() + body.length)
            .expireAfterAccess(UNUSED_FOR)
            .build();

    /** The body of {@code production}, serialized at the first request for its content. */
    byte[] body(ProductionVersion production) {
        return bodies.get(production.etag(), etag -> ApiJson.write(VersionDto.from(production.version())));
    }
}
