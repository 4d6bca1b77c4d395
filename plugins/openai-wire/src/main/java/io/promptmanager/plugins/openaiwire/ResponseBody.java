package io.promptmanager.plugins.openaiwire;

import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read with the timeouts the JDK client lacks once headers have arrived: at most
 * {@code readTimeout} of silence between two pieces, and never past the call's deadline. When
 * either passes, the exchange is cancelled (the connection is dropped) and the read fails with
 * {@link Kind#TIMEOUT}. One reader thread; the HTTP client's threads only enqueue.
 */
public final class ResponseBody implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final Deque<ByteBuffer> pending = new ArrayDeque<>();
    private final ServerName server;
    private final String readTimeoutSetting;
    private final Duration readTimeout;
    private final Instant deadline;
    private final Clock clock;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private boolean ended;
    private boolean anyByte;

    ResponseBody(WireDialect dialect, Duration readTimeout, Instant deadline, Clock clock) {
        this.server = dialect.name();
        this.readTimeoutSetting = dialect.settings().readTimeout();
        this.readTimeout = readTimeout;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** True once at least one byte of the body was read. */
    public boolean anyByteRead() {
        return anyByte;
    }

    /**
     * The next line without its end ({@code \n} or {@code \r\n}), or null at the end of the body.
     * A last line without an end is returned too.
     *
     * @throws ProviderException TIMEOUT, UNAVAILABLE (connection lost) or MALFORMED_RESPONSE (a line
     *                           longer than {@code maxLineBytes})
     */
    public String readLine(int maxLineBytes) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            ByteBuffer buffer = nextBuffer();
            if (buffer == null) {
                return line.size() == 0 ? null : decode(line);
            }
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    return decode(line);
                }
                line.write(b);
            }
            if (line.size() > maxLineBytes) {
                throw Failures.of(Kind.MALFORMED_RESPONSE, server.subject() + " sent an over-long line", false);
            }
        }
    }

    /**
     * The rest of the body.
     *
     * @throws ProviderException as {@link #readLine}, MALFORMED_RESPONSE past {@code maxBytes}
     */
    public byte[] readAll(int maxBytes) {
        ByteArrayOutputStream all = new ByteArrayOutputStream(4096);
        ByteBuffer buffer;
        while ((buffer = nextBuffer()) != null) {
            if (all.size() + buffer.remaining() > maxBytes) {
                throw Failures.of(Kind.MALFORMED_RESPONSE, server.subject() + " sent an over-large response", false);
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            all.writeBytes(bytes);
        }
        return all.toByteArray();
    }

    /** Stops reading and drops the exchange; safe to call more than once, from any thread. */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrivals.add(item);
    }

    @Override
    public void onError(Throwable failure) {
        arrivals.add(failure);
    }

    @Override
    public void onComplete() {
        arrivals.add(END);
    }

    private static String decode(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private ByteBuffer nextBuffer() {
        while (true) {
            ByteBuffer head = pending.peekFirst();
            if (head != null) {
                if (head.hasRemaining()) {
                    anyByte = true;
                    return head;
                }
                pending.removeFirst();
                continue;
            }
            if (ended) {
                return null;
            }
            receive();
        }
    }

    @SuppressWarnings("unchecked")
    private void receive() {
        Object item = take();
        if (item == END) {
            ended = true;
        } else if (item instanceof Throwable failure) {
            ended = true;
            throw lost(failure);
        } else {
            pending.addAll((List<ByteBuffer>) item);
            subscription.request(1);
        }
    }

    private Object take() {
        Duration untilDeadline = Duration.between(clock.instant(), deadline);
        boolean deadlineFirst = untilDeadline.compareTo(readTimeout) <= 0;
        Duration wait = deadlineFirst ? untilDeadline : readTimeout;
        Object item;
        try {
            item = wait.isNegative() || wait.isZero() ? arrivals.poll()
                    : arrivals.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw Failures.internal(ServerName.capitalized(server.the("call")) + " was interrupted", null);
        }
        if (item == null) {
            close();
            throw Failures.timeout(deadlineFirst
                    ? server.subject() + " did not finish answering before the deadline"
                    : server.subject() + " sent nothing for " + UpstreamHttp.human(readTimeout)
                    + " (" + readTimeoutSetting + ")");
        }
        return item;
    }

    private ProviderException lost(Throwable failure) {
        String reason = failure instanceof IOException ? "the connection to " + server.object() + " was lost"
                : "reading " + server.whose("response") + " failed";
        return new ProviderException(Kind.UNAVAILABLE, server.subject() + " answered in part: " + reason, true,
                null, false, 0, failure);
    }
}
