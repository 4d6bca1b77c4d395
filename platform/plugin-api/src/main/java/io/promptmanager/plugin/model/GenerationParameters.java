package io.promptmanager.plugin.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * Sampling parameters; every field may be null, meaning "the model's default".
 *
 * @param temperature      0–2
 * @param maxTokens        most tokens to generate, ≥ 1
 * @param topP             0–1
 * @param frequencyPenalty −2–2
 * @param presencePenalty  −2–2
 * @param stop             up to 4 stop sequences
 * @param seed             for reproducible sampling where the model supports it
 */
public record GenerationParameters(BigDecimal temperature, Integer maxTokens, BigDecimal topP,
                                   BigDecimal frequencyPenalty, BigDecimal presencePenalty,
                                   List<String> stop, Long seed) {
    /** No parameter set. */
    public static GenerationParameters defaults() {
        return new GenerationParameters(null, null, null, null, null, null, null);
    }
}
