package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP exchanges with the server: headers (the key as a Bearer token, the plugin's own),
 * timeouts, redirects never followed, and retries. A call is retried only while no answer has
 * begun — after a failed connection or a {@link ProviderException#retryable() retryable} error
 * status — at most {@code maxRetries} times, waiting as {@code Retry-After} says (or a growing
 * backoff), and never when the wait would end past the deadline. A request that may be running
 * upstream (no answer within the read timeout) is never sent again, so it is never generated (and
 * billed) twice. A 2xx answer is handed over unread; nothing after it is ever retried. Thread-safe.
 */
public final class UpstreamHttp implements AutoCloseable {
    public static final String JSON = "application/json";
    public static final String EVENT_STREAM = "text/event-stream";
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private final HttpSettings settings;
    private final WireDialect dialect;
    private final ServerName server;
    private final Map<String, String> headers;
    private final Clock clock;
    private final Duration backoffBase;
    private final HttpClient client;

    /**
     * @param headers     sent with every request, besides Accept, Authorization and Content-Type
     * @param backoffBase the first wait between two attempts when the server names none
     */
    public UpstreamHttp(HttpSettings settings, WireDialect dialect, Map<String, String> headers, Clock clock,
                        Duration backoffBase) {
        this.settings = settings;
        this.dialect = dialect;
        this.server = dialect.name();
        this.headers = Map.copyOf(headers);
        this.clock = clock;
        this.backoffBase = backoffBase;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
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
        client.shutdownNow();
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
            return Attempt.failed(Failures.timeout(server.subject() + " did not answer before the deadline"), false);
        }
        // The JDK counts the connection in this timeout too; connect-timeout bounds that part alone.
        boolean deadlineFirst = left.compareTo(settings.readTimeout()) <= 0;
        HttpRequest request = request(path, json, key, accept, deadlineFirst ? left : settings.readTimeout());
        ResponseBody body = new ResponseBody(dialect, settings.readTimeout(), deadline, clock);
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpConnectTimeoutException e) {
            return Attempt.failed(Failures.unavailable("Could not connect to " + server.object() + " within "
                    + human(settings.connectTimeout()) + " (" + dialect.settings().connectTimeout() + ")", e), true);
        } catch (HttpTimeoutException e) {
            // The request may be running upstream: not retried, so it is never generated (and billed) twice.
            return Attempt.failed(Failures.timeout(deadlineFirst ? server.subject() + " did not answer before the deadline"
                    : server.subject() + " sent no answer within " + human(settings.readTimeout())
                    + " (" + dialect.settings().readTimeout() + ")"), false);
        } catch (ConnectException e) {
            return Attempt.failed(Failures.unavailable("Could not connect to " + server.object(), e), true);
        } catch (IOException e) {
            return Attempt.failed(Failures.unavailable("The connection to " + server.object()
                    + " failed before an answer", e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed(interrupted(), false);
        }
        response.body().subscribe(body);
        return answer(response, body, key);
    }

    private Attempt answer(HttpResponse<?> response, ResponseBody body, String key) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Attempt.answered(new Answer(status, response.headers().firstValue("Content-Type").orElse(""), body));
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
                RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant()), key);
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

    private HttpRequest request(String path, byte[] json, String key, String accept, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(timeout)
                .header("Accept", accept);
        headers.forEach(builder::header);
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        if (json == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofByteArray(json));
        }
        return builder.build();
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
