package io.promptmanager.server.execution;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.plugin.model.StreamListener;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Problem;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A run's answer as Server-Sent Events: {@code delta} events with each piece of text, then one
 * {@code done} event with the result, or one {@code error} event with the problem. The stream
 * (status 200) opens with the first event, so a run refused before any text still answers with
 * its own status and problem. Each event is flushed at once; a write to a client that went away
 * throws, which stops the run.
 */
final class EventStream implements StreamListener {
    static final String MEDIA_TYPE = "text/event-stream";

    private final ServerResponse response;
    private OutputStream out;

    EventStream(ServerResponse response) {
        this.response = response;
    }

    @Override
    public void onDelta(String text) {
        send("delta", ApiJson.write(new DeltaDto(text)));
    }

    void done(ExecutionResultDto result) {
        send("done", result.toJson());
        close();
    }

    void error(Problem problem) {
        send("error", ApiJson.write(problem));
        close();
    }

    /** True once the 200 and the first event went out: errors must then travel as events. */
    synchronized boolean started() {
        return out != null;
    }

    private synchronized void send(String event, byte[] json) {
        try {
            if (out == null) {
                response.status(Status.OK_200)
                        .header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE)
                        .header(HeaderNames.CACHE_CONTROL, "no-cache")
                        .header("X-Accel-Buffering", "no");
                out = response.outputStream();
            }
            out.write(("event: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8));
            out.write(json);
            out.write("\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The client closed the event stream", e);
        } catch (ServerConnectionException e) {
            // Helidon's word for a write to a connection the client closed
            throw new UncheckedIOException("The client closed the event stream", new IOException(e));
        }
    }

    /** Ends the stream without a last event, e.g. when the client went away. */
    synchronized void abandon() {
        if (out != null) {
            close();
        }
    }

    private synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the client is gone; nothing is left to tell it
        }
    }
}
