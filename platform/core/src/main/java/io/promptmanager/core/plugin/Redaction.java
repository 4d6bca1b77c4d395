package io.promptmanager.core.plugin;

import java.util.Collection;

/**
 * Keeps secrets out of log lines built from a plugin's exception messages. A plugin is told never
 * to put a setting value or a key in a message; this is the host's second line of defence.
 */
public final class Redaction {
    /** Shorter values ({@code true}, {@code PT30S}, a port) are not secrets and would garble messages. */
    public static final int MIN_SECRET_LENGTH = 8;
    private static final String MASK = "****";

    private Redaction() {
    }

    /** {@code text} on one line, each secret of {@link #MIN_SECRET_LENGTH}+ characters replaced by {@code ****}. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                result = result.replace(secret, MASK);
            }
        }
        return result.replaceAll("\\s+", " ").trim();
    }

    /**
     * A copy of {@code failure} and its causes whose messages are redacted, keeping the classes'
     * names and the stack traces, for logging a plugin's exception without its secrets.
     */
    public static Throwable redact(Throwable failure, Collection<String> secrets) {
        Throwable cause = failure.getCause() == null || failure.getCause() == failure
                ? null : redact(failure.getCause(), secrets);
        Throwable copy = new RedactedThrowable(failure.getClass().getName() + ": "
                + redact(String.valueOf(failure.getMessage()), secrets), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** One line naming the exception's class and its redacted message, e.g. {@code IllegalStateException: boom}. */
    public static String describe(Throwable failure, Collection<String> secrets) {
        String message = failure.getMessage();
        String name = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + redact(message, secrets);
    }

    private static final class RedactedThrowable extends Throwable {
        RedactedThrowable(String message, Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
