package io.promptmanager.plugins.openaiwire;

import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.StreamListener;
import io.promptmanager.plugin.model.TokenUsage;

/**
 * Reads one streamed chat completion (Server-Sent Events): {@code data:} events carry chunks,
 * lines starting with {@code :} are comments (keep-alives such as ": OPENROUTER PROCESSING"),
 * {@code data: [DONE]} ends the stream. The final usage comes in the last chunk, with an empty
 * {@code choices} array or with one empty delta; an {@code error} chunk (or finish_reason "error")
 * under HTTP 200 fails the stream. Single use, one thread.
 */
final class ChatStream {
    private static final int MAX_LINE_BYTES = 4 * 1024 * 1024;
    private static final String DONE = "[DONE]";

    private final ResponseBody body;
    private final ChatCodec codec;
    private final WireDialect dialect;
    private final StreamListener listener;
    private final String keyInUse;
    private final StringBuilder text = new StringBuilder();
    private String id;
    private String model;
    private String finishReason;
    private TokenUsage usage;
    private boolean delivered;

    ChatStream(ResponseBody body, ChatCodec codec, WireDialect dialect, StreamListener listener, String keyInUse) {
        this.body = body;
        this.codec = codec;
        this.dialect = dialect;
        this.listener = listener;
        this.keyInUse = keyInUse;
    }

    /**
     * Reads to the end, handing each piece of text to the listener as it arrives.
     *
     * @throws ProviderException with {@code streamStarted} true when text had been delivered; an
     *                           exception of the listener is rethrown unchanged
     */
    CompletionResult read() {
        try {
            return readEvents();
        } catch (ListenerFailure e) {
            body.discard();
            throw e.original;
        } catch (ProviderException e) {
            body.discard();
            if (e.kind() == Kind.TIMEOUT && finishReason != null && usage != null) {
                return result(); // the whole answer and its usage arrived; only "[DONE]" is missing
            }
            throw Failures.streamStarted(restated(e), delivered);
        }
    }

    private CompletionResult readEvents() {
        StringBuilder data = null;
        String line;
        while ((line = body.readLine(MAX_LINE_BYTES)) != null) {
            if (line.isEmpty()) {
                if (data != null && onEvent(data.toString())) {
                    return result();
                }
                data = null;
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
            // ":" comments (keep-alive) and other fields (event:, id:, retry:) carry nothing for us.
        }
        if (data != null && onEvent(data.toString())) {
            return result();
        }
        if (finishReason == null) {
            throw new ProviderException(Kind.STREAM_ERROR, ServerName.capitalized(dialect.name().whose("stream"))
                    + " ended before the answer was complete", true, null, delivered, 200, null);
        }
        return result();
    }

    /** Handles one event; true when it ends the stream. */
    private boolean onEvent(String data) {
        if (DONE.equals(data.strip())) {
            return true;
        }
        ChatCodec.Chunk chunk = codec.chunk(data);
        if (chunk.error() != null) {
            throw dialect.errors().inBand(chunk.error(), true, delivered, keyInUse);
        }
        id = id == null ? chunk.id() : id;
        model = chunk.model() != null ? chunk.model() : model;
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (chunk.content() != null && !chunk.content().isEmpty()) {
            text.append(chunk.content());
            delivered = true;
            try {
                listener.onDelta(chunk.content());
            } catch (RuntimeException e) {
                throw new ListenerFailure(e);
            }
        }
        if (chunk.finishReason() != null) {
            finishReason = chunk.finishReason();
            if ("error".equals(finishReason)) {
                throw new ProviderException(Kind.STREAM_ERROR, dialect.name().subject() + " reported an error mid-stream",
                        true, null, delivered, 200, null);
            }
        }
        return false;
    }

    private CompletionResult result() {
        return new CompletionResult(text.toString(), finishReason, usage == null ? ChatCodec.NO_USAGE : usage, id, model);
    }

    // Once text was delivered, a lost connection or a timeout is a failure of the stream itself.
    private ProviderException restated(ProviderException e) {
        if (delivered && e.kind() == Kind.UNAVAILABLE) {
            return new ProviderException(Kind.STREAM_ERROR, "The connection to " + dialect.name().object()
                    + " was lost mid-stream", true, null, true, 200, e.getCause());
        }
        return e;
    }

    /** Carries the listener's own exception out, so that it is rethrown unchanged. */
    private static final class ListenerFailure extends RuntimeException {
        private final RuntimeException original;

        ListenerFailure(RuntimeException original) {
            super(null, null, false, false);
            this.original = original;
        }
    }
}
