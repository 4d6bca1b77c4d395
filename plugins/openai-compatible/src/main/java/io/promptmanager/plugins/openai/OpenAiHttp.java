package io.promptmanager.plugins.openai;

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

/**
 * The HTTP exchanges with the server: the key as a Bearer token, timeouts, the call's deadline and
 * redirects never followed. One attempt per call: a failure is reported as it is, with
 * {@link ProviderException#retryable()} saying whether the platform may try again. A 2xx answer is
 * handed over unread. Thread-safe.
 */
final class OpenAiHttp implements AutoCloseable {
    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final OpenAiSettings settings;
    private final HttpClient client;
    private final Clock clock;

    OpenAiHttp(OpenAiSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
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

    @Override
    public void close() {
        client.shutdownNow();
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private Answer exchange(String path, byte[] json, String key, Instant deadline, String accept) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw Failures.timeout("The model server did not answer before the deadline");
        }
        // The JDK counts the connection in this timeout too; connect-timeout bounds that part alone.
        boolean deadlineFirst = left.compareTo(settings.readTimeout()) <= 0;
        HttpRequest request = request(path, json, key, accept, deadlineFirst ? left : settings.readTimeout());
        ResponseBody body = new ResponseBody(settings.readTimeout(), deadline, clock);
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpConnectTimeoutException e) {
            throw unavailable("Could not connect to the model server within "
                    + human(settings.connectTimeout()) + " (connect-timeout)", e);
        } catch (HttpTimeoutException e) {
            throw Failures.timeout(deadlineFirst ? "The model server did not answer before the deadline"
                    : "The model server sent no answer within " + human(settings.readTimeout()) + " (read-timeout)");
        } catch (ConnectException e) {
            throw unavailable("Could not connect to the model server", e);
        } catch (IOException e) {
            throw unavailable("The connection to the model server failed before an answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.internal("The model server call was interrupted", null);
        }
        response.body().subscribe(body);
        return answer(response, body, key);
    }

    private Answer answer(HttpResponse<?> response, ResponseBody body, String key) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(status, response.headers().firstValue("Content-Type").orElse(""), body);
        }
        if (status >= 300 && status < 400) {
            body.close();
            throw Failures.upstream(Kind.INTERNAL, "The model server answered with a redirect (HTTP " + status
                    + "), which is never followed: check plugins.openai-compatible.base-url", false, null, status);
        }
        byte[] errorBody;
        try (body) {
            errorBody = body.readAll(MAX_ERROR_BODY);
        } catch (ProviderException unreadable) {
            errorBody = new byte[0];
        }
        throw UpstreamErrors.fromStatus(status, errorBody, response.headers().firstValue("Retry-After").orElse(null),
                key, clock.instant());
    }

    private HttpRequest request(String path, byte[] json, String key, String accept, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(timeout)
                .header("Accept", accept);
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

    private static ProviderException unavailable(String message, IOException cause) {
        return new ProviderException(Kind.UNAVAILABLE, message, true, null, false, 0, cause);
    }
}
