package io.promptmanager.plugin.tck;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The fake upstream service a provider talks to in its contract test, scripted by the kit. The
 * plugin's own test implements it over a local server speaking the upstream's real wire format
 * (a {@code com.sun.net.httpserver.HttpServer} on a loopback port is enough).
 *
 * <p>Each scripting call replaces the previous script, and the script answers every request
 * that follows (a provider that retries sees the same answer again). {@link #close()} stops the
 * server; a request still waiting in {@link #hang()} may then be cut off.
 */
public interface Upstream extends AutoCloseable {

    /**
     * The plugin's complete, valid settings (keys relative to its subtree, as in
     * {@code plugins.<id>.*}) pointing the provider at this upstream, with {@code apiKey} as the
     * configured key of the platform (used for {@code Credentials.system()} calls).
     *
     * @param apiKey a secret the kit made up; the provider must never show it in an exception
     * @return never null; blank values count as unset
     */
    Map<String, String> settings(String apiKey);

    /** The id of a model in the provider's catalogue, used in every completion request the kit sends. */
    String model();

    /**
     * Answers completions with {@code text} and this usage, in one piece (a plain, non-streamed
     * answer) — or, when the provider asks for a stream, as one delta followed by the usage.
     */
    void completeWith(String text, long promptTokens, long completionTokens);

    /**
     * Answers streamed completions with {@code deltas}, each its own chunk in this order, then the
     * usage, then the end of the stream.
     */
    void streamWith(List<String> deltas, long promptTokens, long completionTokens);

    /**
     * Answers every request with HTTP {@code status} and an error body in the upstream's format
     * carrying {@code message} (the kit puts the key of the call in it, as some servers echo a
     * rejected key).
     *
     * @param retryAfter sent as a {@code Retry-After} header in whole seconds; null for none
     */
    void failWith(int status, String message, Duration retryAfter);

    /** Accepts each request and never answers it (until closed). */
    void hang();

    /** Answers HTTP 200 with a body that does not follow the upstream's format (e.g. an HTML page). */
    void sendGarbage();

    /** Stops the server; must not throw. */
    @Override
    void close();
}
