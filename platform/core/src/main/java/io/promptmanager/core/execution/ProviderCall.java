package io.promptmanager.core.execution;

import io.promptmanager.core.model.ModelGateway;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.StreamListener;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One provider call that cannot outlive its deadline: providers must stop at the request's
 * deadline themselves, and this is the safety net for one that does not — past the deadline
 * plus a grace period the call is abandoned (interrupted, its later deltas dropped) and fails
 * with TIMEOUT, so the caller's quota unit and response never hang on a stuck plugin.
 */
final class ProviderCall {
    static final Duration GRACE = Duration.ofSeconds(2);

    private final ModelGateway gateway;

    ProviderCall(ModelGateway gateway) {
        this.gateway = gateway;
    }

    /** An exception thrown by the caller's own stream listener (e.g. the client went away). */
    static final class ListenerFailure extends RuntimeException {
        private final RuntimeException thrown;

        ListenerFailure(RuntimeException thrown) {
            super(thrown.getMessage(), thrown, false, false);
            this.thrown = thrown;
        }

        /** What the listener threw, to rethrow unchanged. */
        RuntimeException listenerException() {
            return thrown;
        }
    }

    /**
     * Runs the completion, streamed to {@code listener} when it is not null.
     *
     * @throws ProviderException on any provider failure, TIMEOUT when abandoned
     * @throws ListenerFailure   when the listener threw (the cause is what it threw)
     */
    CompletionResult run(String providerId, CompletionRequest request, StreamListener listener) {
        GuardedListener guarded = listener == null ? null : new GuardedListener(listener);
        CompletableFuture<CompletionResult> outcome = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("pm-provider-call-" + request.requestId()).start(() -> {
            try {
                outcome.complete(guarded == null ? gateway.complete(providerId, request)
                        : gateway.stream(providerId, request, guarded));
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
        long waitMillis = Math.max(0, Duration.between(Instant.now(), request.deadline()).plus(GRACE).toMillis());
        try {
            return outcome.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(worker, guarded);
            throw new ProviderException(ProviderException.Kind.TIMEOUT, "The provider did not answer in time", true,
                    null, guarded != null && guarded.delivered(), 0, null);
        } catch (InterruptedException e) {
            abandon(worker, guarded);
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.INTERNAL, "The run was interrupted", true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (guarded != null && guarded.failure() != null) {
                throw new ListenerFailure(guarded.failure());
            }
            if (cause instanceof ProviderException provider) {
                throw provider;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void abandon(Thread worker, GuardedListener guarded) {
        if (guarded != null) {
            guarded.close();
        }
        worker.interrupt();
    }

    /** Passes deltas on until closed; remembers what the caller's listener threw. */
    private static final class GuardedListener implements StreamListener {
        private final StreamListener delegate;
        private boolean closed;
        private boolean delivered;
        private RuntimeException failure;

        GuardedListener(StreamListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void onDelta(String text) {
            if (closed) {
                throw new IllegalStateException("the run was abandoned");
            }
            try {
                delegate.onDelta(text);
                delivered = true;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        synchronized void close() {
            closed = true;
        }

        synchronized boolean delivered() {
            return delivered;
        }

        synchronized RuntimeException failure() {
            return failure;
        }
    }
}
