package io.promptmanager.plugin.model;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.PluginSettings;
import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Runs chat completions on a family of models (OpenRouter, an OpenAI-compatible server …).
 *
 * <p>Lifecycle: the host creates one instance per plugin, calls {@link #start(PluginSettings)}
 * once before anything else, then calls the other methods from many threads at once, and
 * finally {@link #stop()}. Every method except {@code start}/{@code stop} must be thread-safe.
 *
 * <p>Credentials are passed per call ({@link CompletionRequest#credentials()}); a provider
 * never stores a user's key. Only {@link ProviderException} may leave a call: the host treats
 * anything else as a bug of the plugin and reports it as an internal provider error.
 * Blocking I/O is expected (the platform calls from virtual threads).
 */
public interface ModelProvider extends ExtensionPoint {

    /** Stable lower-kebab id of this provider, e.g. {@code openrouter}; never null. */
    String id();

    /** Name shown to people, e.g. {@code OpenRouter}; never null. */
    String displayName();

    /**
     * Validates the configuration and prepares the provider (HTTP clients, background catalogue
     * refresh). Called once, before any other method.
     *
     * @param settings this plugin's configuration subtree; never null
     * @throws PluginConfigurationException when a setting is missing or invalid: the host skips
     *                                      the plugin and logs the message
     */
    void start(PluginSettings settings);

    /** Releases what {@link #start} acquired; called once at shutdown. Must not throw. */
    default void stop() {
    }

    /**
     * The models this provider offers, with their prices. May be answered from a cache the
     * provider refreshes itself; must not block for long when a cached answer exists.
     *
     * @return never null; an empty list when the catalogue is unknown yet
     * @throws ProviderException when the catalogue cannot be fetched and nothing is cached
     */
    List<ModelInfo> models();

    /**
     * Runs one completion and returns when it is complete.
     *
     * @param request never null
     * @return the result with usage; never null
     * @throws ProviderException on any failure, with {@link ProviderException#kind()} saying which
     */
    CompletionResult complete(CompletionRequest request);

    /**
     * Runs one completion streaming its text: calls {@code listener.onDelta} for each piece of
     * text as it arrives (in order, from the calling thread), then returns the final result
     * whose {@code text} is the concatenation of all deltas and whose usage is the final usage.
     *
     * @throws ProviderException on any failure; {@link ProviderException#streamStarted()} is true
     *                           when deltas were already delivered
     */
    CompletionResult stream(CompletionRequest request, StreamListener listener);

    /**
     * Checks a key without running a completion: whether it is valid, its label, its
     * remaining credit limit and whether it is a free-tier key.
     *
     * @param credentials the key to check; never null
     * @return never null; {@code valid == false} for a key the provider rejects
     * @throws ProviderException when the provider cannot be asked (unavailable, timeout)
     */
    KeyCheck checkKey(Credentials credentials);
}
