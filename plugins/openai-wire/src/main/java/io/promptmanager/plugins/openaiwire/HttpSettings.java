package io.promptmanager.plugins.openaiwire;

import java.net.URI;
import java.time.Duration;

/**
 * How {@link UpstreamHttp} talks to a server.
 *
 * @param baseUrl        the API root without a trailing slash, e.g. {@code https://openrouter.ai/api/v1}
 * @param connectTimeout longest wait for a TCP/TLS connection
 * @param readTimeout    longest silence from the server: before the response headers, and between
 *                       two pieces of a body
 * @param maxRetries     extra attempts while no answer has begun; 0 for one attempt per call
 */
public record HttpSettings(URI baseUrl, Duration connectTimeout, Duration readTimeout, int maxRetries) {
}
