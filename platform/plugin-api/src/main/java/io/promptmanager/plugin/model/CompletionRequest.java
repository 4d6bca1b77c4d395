package io.promptmanager.plugin.model;

import java.time.Instant;
import java.util.List;

/**
 * One completion to run.
 *
 * @param model       the provider's model id, e.g. {@code openai/gpt-4o-mini}; never null
 * @param messages    the rendered conversation; never null or empty
 * @param parameters  sampling parameters; never null (use {@link GenerationParameters#defaults()})
 * @param credentials whose key to use; never null
 * @param deadline    when the platform gives up: the provider must not wait past it and fails
 *                    with {@link ProviderException.Kind#TIMEOUT}; never null
 * @param requestId   the platform's id of this execution, for logs and idempotency headers;
 *                    never null
 */
public record CompletionRequest(String model, List<ChatMessage> messages, GenerationParameters parameters,
                                Credentials credentials, Instant deadline, String requestId) {
    public CompletionRequest {
        messages = List.copyOf(messages);
    }
}
