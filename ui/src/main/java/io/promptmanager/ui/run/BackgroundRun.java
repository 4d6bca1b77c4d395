package io.promptmanager.ui.run;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableConsumer;
import io.promptmanager.core.execution.ExecutionResult;
import io.promptmanager.plugin.model.StreamListener;

import java.util.function.Function;

/**
 * Runs one execution on its own virtual thread, so the request that clicked Run returns at once
 * and the page stays responsive, and hands the text to the UI as it arrives (through
 * {@link UI#access}, which server push sends to the browser). Deltas that arrive while the UI is
 * busy are coalesced into one update. Once {@link #cancel() cancelled}, or when the UI is gone,
 * the next delta throws: core then ends the run and records it as disconnected.
 */
final class BackgroundRun {
    private final UI ui;
    private final Callbacks callbacks;
    private final StringBuilder pending = new StringBuilder();
    private boolean flushScheduled;
    private volatile boolean cancelled;

    /** What the view does with the run, always called inside {@link UI#access}. */
    interface Callbacks {
        void text(String more);

        void succeeded(ExecutionResult result);

        void failed(RuntimeException error);
    }

    /** Thrown into core from the stream listener when the view no longer wants the run. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("The console page left the run", null, false, false);
        }
    }

    private BackgroundRun(UI ui, Callbacks callbacks) {
        this.ui = ui;
        this.callbacks = callbacks;
    }

    /** @param execution calls core with the listener to stream to */
    static BackgroundRun start(UI ui, Function<StreamListener, ExecutionResult> execution, Callbacks callbacks) {
        BackgroundRun run = new BackgroundRun(ui, callbacks);
        Thread.ofVirtual().name("pm-console-run").start(() -> run.execute(execution));
        return run;
    }

    /** Stops delivering: the page left. The provider call ends at its next delta. */
    void cancel() {
        cancelled = true;
    }

    private void execute(Function<StreamListener, ExecutionResult> execution) {
        try {
            ExecutionResult result = execution.apply(this::onDelta);
            deliver(view -> {
                flush();
                view.succeeded(result);
            });
        } catch (Cancelled | UIDetachedException gone) {
            // nobody is looking any more; core has recorded the run
        } catch (RuntimeException e) {
            deliver(view -> {
                flush();
                view.failed(e);
            });
        }
    }

    private void onDelta(String text) {
        if (cancelled) {
            throw new Cancelled();
        }
        boolean schedule;
        synchronized (this) {
            pending.append(text);
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            ui.access(this::flush);
        }
    }

    private void flush() {
        String text;
        synchronized (this) {
            text = pending.toString();
            pending.setLength(0);
            flushScheduled = false;
        }
        if (!text.isEmpty() && !cancelled) {
            callbacks.text(text);
        }
    }

    private void deliver(SerializableConsumer<Callbacks> outcome) {
        if (cancelled) {
            return;
        }
        try {
            ui.access(() -> {
                if (!cancelled) {
                    outcome.accept(callbacks);
                }
            });
        } catch (UIDetachedException gone) {
            // the page was closed while the run finished
        }
    }
}
