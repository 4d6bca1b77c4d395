package io.promptmanager.core.model;

import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.StreamListener;

/**
 * Core's one door to provider plugins: every call is timed, logged (never with a key) and only
 * {@link ProviderException} comes out — anything else a plugin throws becomes an INTERNAL
 * ProviderException. Thread-safe.
 */
public interface ModelGateway {
    /** Runs a completion on provider {@code providerId}. */
    CompletionResult complete(String providerId, CompletionRequest request);

    /** Streams a completion on provider {@code providerId}; see ModelProvider#stream. */
    CompletionResult stream(String providerId, CompletionRequest request, StreamListener listener);

    /** Checks a key with provider {@code providerId}. */
    KeyCheck checkKey(String providerId, Credentials credentials);
}
