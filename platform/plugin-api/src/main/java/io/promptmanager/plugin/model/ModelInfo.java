package io.promptmanager.plugin.model;

/**
 * One model of a provider's catalogue.
 *
 * @param id            the id to send in a {@link CompletionRequest}, e.g. {@code meta-llama/llama-3.3-70b-instruct:free}
 * @param name          the name shown to people
 * @param contextLength the context window in tokens; 0 when unknown
 * @param pricing       its prices; never null
 * @param free          true when running it costs nothing (FREE-plan users may use only these)
 */
public record ModelInfo(String id, String name, long contextLength, ModelPricing pricing, boolean free) {
}
