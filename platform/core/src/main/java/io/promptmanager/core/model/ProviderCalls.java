package io.promptmanager.core.model;

import io.promptmanager.core.plugin.ContextClassLoader;
import io.promptmanager.core.plugin.Redaction;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.StreamListener;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One guarded call into a provider plugin: run with the plugin's context class loader, timed,
 * logged (FINE when fine, INFO when slow or refused for the caller's reasons, WARNING when the
 * provider failed) and translated, so that only {@link ProviderException} comes out. Log lines
 * name the provider, the operation, the model, the platform's request id, the duration and the
 * failure kind — never a key or prompt text.
 */
final class ProviderCalls {
    private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());
    /** Refusals caused by the caller's key, credit or input: normal business, not the provider's fault. */
    private static final Set<Kind> CALLER_KINDS =
            EnumSet.of(Kind.INVALID_CREDENTIALS, Kind.INSUFFICIENT_CREDITS, Kind.BLOCKED, Kind.BAD_REQUEST);
    private static final int MAX_LOGGED_MESSAGE = 200;

    private final Duration slowCall;

    ProviderCalls(Duration slowCall) {
        this.slowCall = slowCall;
    }

    /** What one call is about, for the log line; {@code secret} is the user's key if any, masked if echoed. */
    record Call(String providerId, String operation, String model, String requestId, String secret) {
        String label() {
            return providerId + " " + operation + (model == null ? "" : " model=" + model)
                    + (requestId == null ? "" : " request=" + requestId);
        }
    }

    <T> T run(Call call, ModelProvider provider, Supplier<T> action) {
        return run(call, provider, action, null);
    }

    <T> T run(Call call, ModelProvider provider, Supplier<T> action, GuardedListener listener) {
        long start = System.nanoTime();
        try {
            T result = ContextClassLoader.call(provider, action);
            if (result == null) {
                throw new IllegalStateException(call.operation() + " returned null");
            }
            Duration took = since(start);
            Level level = took.compareTo(slowCall) > 0 ? Level.INFO : Level.FINE;
            LOG.log(level, () -> call.label() + " took " + took.toMillis() + " ms" + (level == Level.INFO ? " (slow)" : ""));
            return result;
        } catch (ProviderException e) {
            logFailure(call, e, since(start));
            throw e;
        } catch (RuntimeException | LinkageError e) {
            if (listener != null && listener.caused(e)) {
                LOG.fine(() -> call.label() + " stopped by its listener after " + since(start).toMillis() + " ms");
                throw listener.failure();
            }
            Duration took = since(start);
            LOG.log(Level.WARNING, call.label() + " failed unexpectedly after " + took.toMillis()
                    + " ms (a bug of the plugin, reported as INTERNAL)", Redaction.redact(e, secrets(call)));
            throw new ProviderException(Kind.INTERNAL, "The " + call.providerId() + " provider failed unexpectedly", false);
        }
    }

    private static void logFailure(Call call, ProviderException e, Duration took) {
        Level level = CALLER_KINDS.contains(e.kind()) ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> call.label() + " failed after " + took.toMillis() + " ms: " + e.kind()
                + (e.upstreamStatus() == 0 ? "" : " (HTTP " + e.upstreamStatus() + ")")
                + (e.retryable() ? ", retryable" : "")
                + (e.streamStarted() ? ", after the stream started" : "")
                + safeMessage(call, e));
    }

    /** A moderation refusal may quote the input, so its message is left out. */
    private static String safeMessage(Call call, ProviderException e) {
        if (e.kind() == Kind.BLOCKED || e.getMessage() == null || e.getMessage().isBlank()) {
            return "";
        }
        String message = Redaction.redact(e.getMessage(), secrets(call));
        return " — " + (message.length() > MAX_LOGGED_MESSAGE ? message.substring(0, MAX_LOGGED_MESSAGE) + "…" : message);
    }

    private static List<String> secrets(Call call) {
        return call.secret() == null ? List.of() : List.of(call.secret());
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Passes deltas on, under the caller's own context class loader rather than the plugin's, and
     * remembers what the caller's listener threw: that exception leaves the stream unchanged (the
     * listener's contract), while anything else the plugin throws is its bug.
     */
    static final class GuardedListener implements StreamListener {
        private final StreamListener delegate;
        private final ClassLoader callerContext = Thread.currentThread().getContextClassLoader();
        private volatile RuntimeException failure;

        GuardedListener(StreamListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onDelta(String text) {
            Thread thread = Thread.currentThread();
            ClassLoader pluginContext = thread.getContextClassLoader();
            thread.setContextClassLoader(callerContext);
            try {
                delegate.onDelta(text);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                thread.setContextClassLoader(pluginContext);
            }
        }

        boolean caused(Throwable thrown) {
            for (Throwable t = thrown; t != null && failure != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t == failure) {
                    return true;
                }
            }
            return false;
        }

        RuntimeException failure() {
            return failure;
        }
    }
}
