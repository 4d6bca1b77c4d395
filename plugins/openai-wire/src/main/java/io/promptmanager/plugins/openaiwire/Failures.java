package io.promptmanager.plugins.openaiwire;

import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;

import java.time.Duration;
import java.util.regex.Pattern;

/** Builds the ProviderExceptions of the provider plugins, with messages safe to show. */
public final class Failures {
    private static final int MAX_UPSTREAM_TEXT = 200;
    private static final String REDACTED = "[redacted]";
    // OpenRouter keys (sk-or-v1-…), OpenAI-style keys (sk-…, sk-proj-…), and whatever follows "Bearer".
    private static final Pattern KEY_LIKE = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}|(?i)(?<=bearer\\s)\\S+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}]+");

    private Failures() {
    }

    public static ProviderException of(Kind kind, String message, boolean retryable) {
        return new ProviderException(kind, message, retryable, null, false, 0, null);
    }

    public static ProviderException upstream(Kind kind, String message, boolean retryable, Duration retryAfter,
                                             int status) {
        return new ProviderException(kind, message, retryable, retryAfter, false, status, null);
    }

    public static ProviderException timeout(String message) {
        return new ProviderException(Kind.TIMEOUT, message, true, null, false, 0, null);
    }

    public static ProviderException internal(String message, Throwable cause) {
        return new ProviderException(Kind.INTERNAL, message, false, null, false, 0, cause);
    }

    /** No answer began: the server could not be reached, or the connection failed before an answer. */
    public static ProviderException unavailable(String message, Throwable cause) {
        return new ProviderException(Kind.UNAVAILABLE, message, true, null, false, 0, cause);
    }

    /** The same failure, saying whether stream deltas had been delivered before it. */
    public static ProviderException streamStarted(ProviderException e, boolean started) {
        if (e.streamStarted() == started) {
            return e;
        }
        return new ProviderException(e.kind(), e.getMessage(), e.retryable(), e.retryAfter().orElse(null),
                started, e.upstreamStatus(), e.getCause());
    }

    /**
     * Text from the server made fit for a user: one line, at most 200 characters, with anything
     * that looks like a key (and the key of this call) replaced. Null or blank gives null.
     */
    public static String safeText(String upstream, String keyInUse) {
        if (upstream == null) {
            return null;
        }
        String text = upstream;
        if (keyInUse != null && !keyInUse.isEmpty()) {
            text = text.replace(keyInUse, REDACTED);
        }
        text = KEY_LIKE.matcher(text).replaceAll(REDACTED);
        text = CONTROL.matcher(text).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= MAX_UPSTREAM_TEXT ? text : text.substring(0, MAX_UPSTREAM_TEXT) + "…";
    }
}
