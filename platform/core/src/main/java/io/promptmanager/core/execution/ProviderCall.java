package io.promptmanager.core.execution;

import io.promptmanager.core.model.ModelGateway;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.StreamListener;

import java.time.Duration;

/**
 * One provider call that cannot outlive its deadline. It runs on the caller's own thread:
 * providers must stop at the request's deadline themselves, and the shared
 * {@link DeadlineWatchdog} is the safety net for one that does not — past the deadline plus a
 * grace period the call is abandoned (its thread interrupted, its later deltas refused) and fails
 * with TIMEOUT, so the caller's quota unit and response never hang on a stuck plugin that reacts
 * to interrupts, as blocking I/O and waits on virtual threads do.
 */
final class ProviderCall {
    static final Duration GRACE = Duration.ofSeconds(2);

    private final ModelGateway gateway;
    private final DeadlineWatchdog watchdog;

    ProviderCall(ModelGateway gateway, DeadlineWatchdog watchdog) {
        this.gateway = gateway;
        this.watchdog = watchdog;
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
        DeadlineWatchdog.Watch watch = watchdog.watch(request.deadline().plus(GRACE),
                guarded == null ? () -> { } : guarded::close);
        CompletionResult result = null;
        RuntimeException failure = null;
        boolean inTime;
        try {
            result = guarded == null ? gateway.complete(providerId, request) : gateway.stream(providerId, request, guarded);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            inTime = watch.finish();
        }
        if (!inTime) {
            throw new ProviderException(ProviderException.Kind.TIMEOUT, "The provider did not answer in time", true,
                    null, guarded != null && guarded.delivered(), 0, null);
        }
        if (failure == null) {
            return result;
        }
        if (guarded != null && guarded.failure() != null) {
            throw new ListenerFailure(guarded.failure());
        }
        throw failure;
    }

    /**
     * Passes deltas on until closed; remembers what the caller's listener threw. Deltas arrive on
     * the call's thread; {@link #close} comes from the watchdog and never waits for a delivery.
     */
    private static final class GuardedListener implements StreamListener {
        private final StreamListener delegate;
        private volatile boolean closed;
        private volatile boolean delivered;
        private volatile RuntimeException failure;

        GuardedListener(StreamListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onDelta(String text) {
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

        void close() {
            closed = true;
        }

        boolean delivered() {
            return delivered;
        }

        RuntimeException failure() {
            return failure;
        }
    }
}
