package io.promptmanager.core.prompt;

import java.math.BigDecimal;
import java.util.List;

/** Sampling parameters sent with the model call; every field is optional. */
public record ModelParameters(BigDecimal temperature, Integer maxTokens, BigDecimal topP,
                              BigDecimal frequencyPenalty, BigDecimal presencePenalty, List<String> stop,
                              Long seed) {
    public static ModelParameters none() {
        return new ModelParameters(null, null, null, null, null, null, null);
    }
}
