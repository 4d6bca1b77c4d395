package io.promptmanager.core.execution;

/** Tokens a run read and generated, as the provider reported them. */
public record Tokens(long prompt, long completion) {
    public static final Tokens NONE = new Tokens(0, 0);

    public long total() {
        return prompt + completion;
    }
}
