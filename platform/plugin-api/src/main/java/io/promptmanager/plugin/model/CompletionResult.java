package io.promptmanager.plugin.model;

/**
 * A finished completion.
 *
 * @param text              the generated text; never null (may be empty)
 * @param finishReason      why generation stopped ({@code stop}, {@code length}, …); may be null
 * @param usage             tokens and cost; never null
 * @param providerRequestId the provider's id of the call (e.g. OpenRouter's {@code gen-…}); may be null
 * @param model             the model that actually answered; may be null when unknown
 */
public record CompletionResult(String text, String finishReason, TokenUsage usage, String providerRequestId,
                               String model) {
}
