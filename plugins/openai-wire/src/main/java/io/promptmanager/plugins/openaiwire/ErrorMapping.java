package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.ProviderException;

import java.time.Duration;

/**
 * A server's errors as ProviderExceptions with messages safe to show (see
 * {@link Failures#safeText}). A failure of {@link #fromStatus} is tried again by {@link UpstreamHttp}
 * when it is {@link ProviderException#retryable() retryable} and retries are configured.
 */
public interface ErrorMapping {

    /**
     * The failure an error status stands for.
     *
     * @param error      the body's {@code error} object; null when absent or not JSON
     * @param retryAfter the {@code Retry-After} header read as a wait; null when absent or unreadable
     * @param keyInUse   the key of the call, scrubbed from any upstream text; may be null
     */
    ProviderException fromStatus(int status, JsonNode error, Duration retryAfter, String keyInUse);

    /** An error reported inside a 200 answer: a stream's error event, or a whole body holding an error. */
    ProviderException inBand(JsonNode error, boolean streamed, boolean deltasDelivered, String keyInUse);
}
