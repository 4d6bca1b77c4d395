package io.promptmanager.server.execution;

import io.promptmanager.core.execution.Tokens;

/** Tokens a run read and generated. */
public record UsageDto(long promptTokens, long completionTokens) {
    static UsageDto from(Tokens tokens) {
        return new UsageDto(tokens.prompt(), tokens.completion());
    }
}
