package io.promptmanager.plugins.openaiwire;

import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A response body read on the calling thread, every read bounded by {@link ReadTimeouts}: at most
 * the read timeout of silence, and never past the call's deadline. When either passes, the
 * connection is dropped and the read fails with {@link Kind#TIMEOUT}. A body read to its end
 * leaves its connection in the pool; one closed early drops it. One thread.
 */
public final class ResponseBody implements AutoCloseable {
    private static final int BUFFER = 8192;
    // After a complete stream (its "[DONE]"), what is left to read so the connection can be kept.
    private static final int MOST_LEFT_AFTER_COMPLETION = 8192;
    private static final Duration LONGEST_WAIT_AFTER_COMPLETION = Duration.ofMillis(100);

    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private InputStream content;
    private final ReadTimeouts timeouts;
    private final WireDialect dialect;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private boolean ended;
    private boolean failed;
    private boolean closed;

    ResponseBody(HttpUriRequestBase request, ClassicHttpResponse response, ReadTimeouts timeouts,
                 WireDialect dialect) {
        this.request = request;
        this.response = response;
        this.timeouts = timeouts;
        this.dialect = dialect;
        this.ended = response.getEntity() == null;
    }

    /**
     * The next line without its end ({@code \n} or {@code \r\n}), or null at the end of the body.
     * A last line without an end is returned too.
     *
     * @throws ProviderException TIMEOUT, UNAVAILABLE (connection lost) or MALFORMED_RESPONSE (a line
     *                           longer than {@code maxLineBytes})
     */
    public String readLine(int maxLineBytes) {
        ByteArrayOutputStream line = null;
        while (true) {
            if (position == limit && !fill()) {
                return line == null || line.size() == 0 ? null : decode(line.toByteArray(), line.size());
            }
            int start = position;
            while (position < limit) {
                if (buffer[position++] == '\n') {
                    int length = position - 1 - start;
                    if (line == null) {
                        return decode(buffer, start, length);
                    }
                    line.write(buffer, start, length);
                    return decode(line.toByteArray(), line.size());
                }
            }
            line = line == null ? new ByteArrayOutputStream(256) : line;
            line.write(buffer, start, position - start);
            if (line.size() > maxLineBytes) {
                throw failure(Failures.of(Kind.MALFORMED_RESPONSE, dialect.name().subject() + " sent an over-long line",
                        false));
            }
        }
    }

    /**
     * The rest of the body.
     *
     * @throws ProviderException as {@link #readLine}, MALFORMED_RESPONSE past {@code maxBytes}
     */
    public byte[] readAll(int maxBytes) {
        ByteArrayOutputStream all = new ByteArrayOutputStream(BUFFER);
        while (position < limit || fill()) {
            if (all.size() + (limit - position) > maxBytes) {
                throw failure(Failures.of(Kind.MALFORMED_RESPONSE,
                        dialect.name().subject() + " sent an over-large response", false));
            }
            all.write(buffer, position, limit - position);
            position = limit;
        }
        return all.toByteArray();
    }

    /** Marks the body as not worth finishing (a failure mid-stream): closing drops the connection. */
    void discard() {
        failed = true;
    }

    /**
     * Stops reading. A body read to its end gives its connection back to the pool; a complete
     * stream with a little left (its last chunk) is read to the end first; any other is dropped.
     * Safe to call more than once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!ended && !failed) {
            finishBriefly();
        }
        if (!ended) {
            request.cancel(); // drops the connection: nothing more of this body is ever read
        }
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }

    private void finishBriefly() {
        long until = System.nanoTime() + LONGEST_WAIT_AFTER_COMPLETION.toNanos();
        int left = MOST_LEFT_AFTER_COMPLETION - (limit - position);
        position = limit;
        try {
            long wait;
            while (left >= 0 && (wait = (until - System.nanoTime()) / 1_000_000) > 0 && timeouts.beforeRead(wait)) {
                int n = content().read(buffer, 0, Math.min(buffer.length, left + 1));
                if (n < 0) {
                    ended = true;
                    return;
                }
                left -= n;
            }
        } catch (IOException tooSlow) {
            // dropped below
        }
    }

    // Reads the next bytes into the buffer; false at the end of the body.
    private boolean fill() {
        if (ended) {
            return false;
        }
        try {
            if (!timeouts.beforeRead()) {
                throw failure(deadlinePassed());
            }
            int n = content().read(buffer, 0, buffer.length);
            if (n < 0) {
                ended = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (SocketTimeoutException e) {
            throw failure(timeouts.deadlineFirst() ? deadlinePassed() : Failures.timeout(dialect.name().subject()
                    + " sent nothing for " + UpstreamHttp.human(timeouts.readTimeout())
                    + " (" + dialect.settings().readTimeout() + ")"));
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw failure(Failures.internal(ServerName.capitalized(dialect.name().the("call")) + " was interrupted",
                        null));
            }
            throw failure(new ProviderException(Kind.UNAVAILABLE, dialect.name().subject() + " answered in part: the "
                    + "connection to " + dialect.name().object() + " was lost", true, null, false, 0, e));
        }
    }

    private InputStream content() throws IOException {
        if (content == null) {
            content = response.getEntity().getContent();
        }
        return content;
    }

    private ProviderException deadlinePassed() {
        return Failures.timeout(dialect.name().subject() + " did not finish answering before the deadline");
    }

    private ProviderException failure(ProviderException e) {
        failed = true;
        close();
        return e;
    }

    private static String decode(byte[] bytes, int length) {
        return decode(bytes, 0, length);
    }

    private static String decode(byte[] bytes, int offset, int length) {
        int end = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, offset, end, StandardCharsets.UTF_8);
    }
}
