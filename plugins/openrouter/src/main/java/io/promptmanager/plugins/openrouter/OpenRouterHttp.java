package io.promptmanager.plugins.openrouter;

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
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP exchanges with OpenRouter: headers (key, attribution), timeouts, redirects never
 * followed, and retries. A call is retried only while no answer has begun — after a failed
 * connection or a retryable error status ({@link UpstreamErrors#RETRYABLE}) — at most
 * {@code max-retries} times, waiting as {@code Retry-After} says (or a growing backoff), and never
 * when the wait would end past the deadline. A 2xx answer is handed over unread; nothing after it
 * is ever retried. Thread-safe.
 */
final class OpenRouterHttp implements AutoCloseable {
    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private final OpenRouterSettings settings;
    private final HttpClient client;
    private final Clock clock;
    private final Duration backoffBase;

    OpenRouterHttp(OpenRouterSettings settings, Clock clock, Duration backoffBase) {
        this.settings = settings;
        this.clock = clock;
        this.backoffBase = backoffBase;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /** A 2xx answer whose body is still to be read; the caller closes the body. */
    record Answer(int status, String contentType, ResponseBody body) {
    }

    /** GET {@code path} (relative to the base URL); {@code key} may be null (no Authorization). */
    Answer get(String path, String key, Instant deadline) {
        return exchange(path, null, key, deadline, JSON);
    }

    /** POST a JSON body to {@code path}, accepting {@code accept}. */
    Answer post(String path, byte[] json, String key, Instant deadline, String accept) {
        return exchange(path, json, key, deadline, accept);
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    static String human(Duration duration) {
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
            return Attempt.failed(Failures.timeout("OpenRouter did not answer before the deadline"), false);
        }
        // The JDK counts the connection in this timeout too; connect-timeout bounds that part alone.
        boolean deadlineFirst = left.compareTo(settings.readTimeout()) <= 0;
        HttpRequest request = request(path, json, key, accept, deadlineFirst ? left : settings.readTimeout());
        ResponseBody body = new ResponseBody(settings.readTimeout(), deadline, clock);
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpConnectTimeoutException e) {
            return Attempt.failed(unavailable("Could not connect to OpenRouter within "
                    + human(settings.connectTimeout()) + " (connect-timeout)", e), true);
        } catch (HttpTimeoutException e) {
            // The request may be running upstream: not retried, so it is never generated (and billed) twice.
            return Attempt.failed(Failures.timeout(deadlineFirst ? "OpenRouter did not answer before the deadline"
                    : "OpenRouter sent no answer within " + human(settings.readTimeout()) + " (read-timeout)"), false);
        } catch (ConnectException e) {
            return Attempt.failed(unavailable("Could not connect to OpenRouter", e), true);
        } catch (IOException e) {
            return Attempt.failed(unavailable("The connection to OpenRouter failed before an answer", e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed(Failures.internal("The OpenRouter call was interrupted", null), false);
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
            return Attempt.failed(Failures.upstream(Kind.INTERNAL, "OpenRouter answered with a redirect (HTTP " + status
                    + "), which is never followed: check plugins.openrouter.base-url", false, null, status), false);
        }
        byte[] errorBody;
        try (body) {
            errorBody = body.readAll(MAX_ERROR_BODY);
        } catch (ProviderException unreadable) {
            errorBody = new byte[0];
        }
        ProviderException failure = UpstreamErrors.fromStatus(status, errorBody,
                response.headers().firstValue("Retry-After").orElse(null), key, clock.instant());
        return Attempt.failed(failure, UpstreamErrors.RETRYABLE.contains(status));
    }

    private HttpRequest request(String path, byte[] json, String key, String accept, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(timeout)
                .header("Accept", accept)
                .header("HTTP-Referer", settings.appUrl())
                .header("X-Title", settings.appTitle())
                .header("X-OpenRouter-Title", settings.appTitle());
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

    private static ProviderException unavailable(String message, IOException cause) {
        return new ProviderException(Kind.UNAVAILABLE, message, true, null, false, 0, cause);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.internal("The OpenRouter call was interrupted", null);
        }
    }
}
