package io.promptmanager.ui.execution;

import com.vaadin.flow.component.Component;
import io.promptmanager.core.execution.ExecutionRecord;

import java.util.Set;

/** What the error codes of failed runs mean to the person who ran them. */
public final class ExecutionErrors {
    /** The codes a run can fail with once it reached a provider; each has a text {@code execution.error.<code>}. */
    static final Set<String> EXPLAINED = Set.of("PROVIDER_REJECTED_KEY", "PROVIDER_CREDITS_EXHAUSTED",
            "PROVIDER_BLOCKED", "PROVIDER_REJECTED_REQUEST", "PROVIDER_ERROR", "PROVIDER_UNAVAILABLE",
            "PROVIDER_TIMEOUT", "BYOK_KEY_REJECTED", "KEY_STORAGE_UNAVAILABLE", "INTERNAL_ERROR",
            ExecutionRecord.CLIENT_DISCONNECTED);

    private ExecutionErrors() {
    }

    /** Whether {@link #explain} has words for {@code code}. */
    public static boolean isExplained(String code) {
        return EXPLAINED.contains(code);
    }

    public static String explain(Component in, String code) {
        return in.getTranslation("execution.error." + code);
    }

    /** "CODE — what it means", or the code alone when it has no text. */
    static String describe(Component in, String code) {
        return isExplained(code) ? code + " — " + explain(in, code) : code;
    }
}
