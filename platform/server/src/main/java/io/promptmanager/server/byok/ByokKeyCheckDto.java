package io.promptmanager.server.byok;

import io.promptmanager.core.byok.ByokKeyCheck;

import java.math.BigDecimal;

/** What OpenRouter says about a key. */
public record ByokKeyCheckDto(boolean valid, String label, BigDecimal limitRemaining, boolean freeTier) {
    static ByokKeyCheckDto from(ByokKeyCheck check) {
        return new ByokKeyCheckDto(check.valid(), check.label(), check.limitRemaining(), check.freeTier());
    }
}
