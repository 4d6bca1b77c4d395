package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP exchanges with the server: headers (the key as a Bearer token, the plugin's own),
 * timeouts, redirects never followed, and retries. A call is retried only while no answer has
 * begun — after a failed connection or a {@link ProviderException#retryable() retryable} error
 * status — at most {@code maxRetries} times, waiting as {@code Retry-After} says (or a growing
 * backoff), and never when the wait would end past the deadline. A request that may be running
 * upstream (no answer within the read timeout) is never sent again, so it is never generated (and
 * billed) twice. A 2xx answer is handed over unread; nothing after it is ever retried.
 *
 * <p>Each call runs on the calling thread over a pooled HTTP/1.1 connection
 * ({@link PooledHttpClient}); the deadline bounds every wait — for a pooled connection, the
 * connection itself, the answer's head and each read of its body ({@link ReadTimeouts}) — with no
 * timer per call. Thread-safe.
 */
public final class UpstreamHttp implements AutoCloseable {
    public static final String JSON = "application/json";
    public static final String EVENT_STREAM = "text/event-stream";
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private final HttpSettings settings;
    private final WireDialect dialect;
    private final ServerName server;
    private final RequestHeaders headers;
    private final Clock clock;
    private final Duration backoffBase;
    private final CloseableHttpClient client;
    private final HttpHost target;
    private final Map<String, URI> uris = new ConcurrentHashMap<>();

    /**
     * @param headers     sent with every request, besides Accept, Authorization and Content-Type
     * @param backoffBase the first wait between two attempts when the server names none
     */
    public UpstreamHttp(HttpSettings settings, WireDialect dialect, Map<String, String> headers, Clock clock,
                        Duration backoffBase) {
        this.settings = settings;
        this.dialect = dialect;
        this.server = dialect.name();
        this.headers = new RequestHeaders(headers);
        this.clock = clock;
        this.backoffBase = backoffBase;
        this.target = target(settings.baseUrl());
        this.client = PooledHttpClient.create(settings);
    }

    /** A 2xx answer whose body is still to be read; the caller closes the body. */
    public record Answer(int status, String contentType, ResponseBody body) {
    }

    /** GET {@code path} (relative to the base URL); {@code key} may be null (no Authorization). */
    public Answer get(String path, String key, Instant deadline) {
        return exchange(path, null, key, deadline, JSON);
    }

    /** POST a JSON body to {@code path}, accepting {@code accept}. */
    public Answer post(String path, byte[] json, String key, Instant deadline, String accept) {
        return exchange(path, json, key, deadline, accept);
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }

    /** {@code 10 s}, {@code 300 ms}: a duration as messages show it. */
    public static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private Answer exchange(String path, byte[] json, String key, Instant deadline, String accept) {
        for (int attempt = 0; ; attempt++) {
            Attempt outcome = attempt(path, json, key, deadline, accept);
            if (outcome.answer() != null) {
                return outcome.answer();
            }
            ProviderException failure = outcome.failure();
            if (!outcome.retry() || attempt >= settings.maxRetries()) {
                throw failure;
            }
            Duration wait = failure.retryAfter().orElse(backoff(attempt));
            if (!clock.instant().plus(wait).isBefore(deadline)) {
                throw failure;
            }
            sleep(wait);
        }
    }

    /** One try: an answer, or a failure and whether another try may follow. */
    private record Attempt(Answer answer, ProviderException failure, boolean retry) {
        static Attempt answered(Answer answer) {
            return new Attempt(answer, null, false);
        }

        static Attempt failed(ProviderException failure, boolean retry) {
            return new Attempt(null, failure, retry);
        }
    }

    private Attempt attempt(String path, byte[] json, String key, Instant deadline, String accept) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return Attempt.failed(noAnswerBeforeTheDeadline(), false);
        }
        HttpUriRequestBase request = request(path, json, key, accept);
        ReadTimeouts timeouts = new ReadTimeouts(settings.readTimeout(), deadline, clock);
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig(left));
        context.setAttribute(ReadTimeouts.ATTRIBUTE, timeouts);
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(target, request, context);
        } catch (ConnectTimeoutException e) {
            if (!timeouts.left().isPositive()) {
                return Attempt.failed(noAnswerBeforeTheDeadline(), false);
            }
            return Attempt.failed(Failures.unavailable("Could not connect to " + server.object() + " within "
                    + human(settings.connectTimeout()) + " (" + dialect.settings().connectTimeout() + ")", e), true);
        } catch (SocketTimeoutException e) {
            // The request may be running upstream: not retried, so it is never generated (and billed) twice.
            return Attempt.failed(timeouts.deadlineFirst() ? noAnswerBeforeTheDeadline()
                    : Failures.timeout(server.subject() + " sent no answer within " + human(settings.readTimeout())
                    + " (" + dialect.settings().readTimeout() + ")"), false);
        } catch (HttpHostConnectException | UnknownHostException e) {
            return Attempt.failed(Failures.unavailable("Could not connect to " + server.object(), e), true);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return Attempt.failed(interrupted(), false);
            }
            if (!timeouts.left().isPositive()) {
                return Attempt.failed(noAnswerBeforeTheDeadline(), false); // e.g. no pooled connection in time
            }
            return Attempt.failed(Failures.unavailable("The connection to " + server.object()
                    + " failed before an answer", e), true);
        }
        return answer(request, response, timeouts, key);
    }

    private Attempt answer(HttpUriRequestBase request, ClassicHttpResponse response, ReadTimeouts timeouts,
                           String key) {
        int status = response.getCode();
        ResponseBody body = new ResponseBody(request, response, timeouts, dialect);
        if (status >= 200 && status < 300) {
            String contentType = header(response, "Content-Type");
            return Attempt.answered(new Answer(status, contentType == null ? "" : contentType, body));
        }
        if (status >= 300 && status < 400) {
            body.close();
            return Attempt.failed(Failures.upstream(Kind.INTERNAL, server.subject() + " answered with a redirect (HTTP "
                    + status + "), which is never followed: check " + dialect.settings().baseUrl(), false, null,
                    status), false);
        }
        byte[] errorBody;
        try (body) {
            errorBody = body.readAll(MAX_ERROR_BODY);
        } catch (ProviderException unreadable) {
            errorBody = new byte[0];
        }
        ProviderException failure = dialect.errors().fromStatus(status, errorObject(errorBody),
                RetryAfter.parse(header(response, "Retry-After"), clock.instant()), key);
        return Attempt.failed(failure, failure.retryable());
    }

    private JsonNode errorObject(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return Json.objectAt(Json.parse(body, server), "error");
        } catch (ProviderException notJson) {
            return null;
        }
    }

    private HttpUriRequestBase request(String path, byte[] json, String key, String accept) {
        URI uri = uris.computeIfAbsent(path, relative -> URI.create(settings.baseUrl() + relative));
        HttpUriRequestBase request = json == null ? new HttpGet(uri) : new HttpPost(uri);
        headers.addTo(request, accept, key);
        if (json != null) {
            // Content-Type goes as a header formatted once, so the entity names none.
            request.addHeader(RequestHeaders.JSON_CONTENT_TYPE);
            request.setEntity(new ByteArrayEntity(json, null));
        }
        return request;
    }

    // Every wait bounded by the deadline; the connect timeout per request is deprecated in
    // HttpClient 5 (ConnectionConfig holds it per route) but still honoured, and only it can
    // shorten the connection to the time left.
    @SuppressWarnings("deprecation")
    private RequestConfig requestConfig(Duration left) {
        Duration connect = left.compareTo(settings.connectTimeout()) < 0 ? left : settings.connectTimeout();
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(left))
                .setConnectTimeout(Timeout.of(connect))
                .setRedirectsEnabled(false)
                .setAuthenticationEnabled(false)
                .setContentCompressionEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .build();
    }

    // Every path is below the base URL: its host is worked out once, as HttpClient would per request.
    private static HttpHost target(URI baseUrl) {
        try {
            return RoutingSupport.determineHost(new HttpGet(baseUrl));
        } catch (HttpException e) {
            throw new IllegalArgumentException("Not an HTTP URL: " + baseUrl, e);
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private ProviderException noAnswerBeforeTheDeadline() {
        return Failures.timeout(server.subject() + " did not answer before the deadline");
    }

    private Duration backoff(int attempt) {
        long base = backoffBase.toMillis() << Math.min(attempt, 10);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        // Full jitter on the upper half keeps concurrent retries apart.
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private ProviderException interrupted() {
        return Failures.internal(ServerName.capitalized(server.the("call")) + " was interrupted", null);
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }
}
