package io.promptmanager.plugin.model;

/** Receives the text of a streamed completion as it arrives. */
@FunctionalInterface
public interface StreamListener {
    /**
     * One piece of generated text, never null or empty, in order. Called on the thread that
     * called {@link ModelProvider#stream}. An exception thrown here aborts the stream: the
     * provider stops reading and rethrows it unchanged.
     */
    void onDelta(String text);
}
