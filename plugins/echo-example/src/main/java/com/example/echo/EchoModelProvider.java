package com.example.echo;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.StreamListener;
import io.promptmanager.plugin.model.TokenUsage;
import org.pf4j.Extension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Model provider {@code echo}: runs completions on an "echo service", which answers
 * {@code POST {base-url}/echo} (the last message as text/plain) with one line per piece of text,
 * {@code d:<text>}, then the usage, {@code u:<prompt tokens> <completion tokens>}. Settings
 * ({@code plugins.example-echo.*}): {@code base-url} (required), {@code api-key}, {@code model}.
 */
@Extension
public final class EchoModelProvider implements ModelProvider {
    private volatile HttpClient http;
    private volatile URI endpoint;
    private volatile String apiKey;
    private volatile String model;

    @Override
    public String id() {
        return "echo";
    }

    @Override
    public String displayName() {
        return "Echo";
    }

    @Override
    public void start(PluginSettings settings) {
        String baseUrl = settings.require("base-url");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new PluginConfigurationException("base-url", "must be an http or https URL");
        }
        endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/echo");
        apiKey = settings.get("api-key").orElse(null);
        model = settings.get("model", "echo-1");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void stop() {
        HttpClient client = http;
        if (client != null) {
            client.close();
        }
    }

    @Override
    public List<ModelInfo> models() {
        return List.of(new ModelInfo(model, "Echo", 4096, new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, null), true));
    }

    @Override
    public CompletionResult complete(CompletionRequest request) {
        return stream(request, text -> { });
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener) {
        HttpResponse<Stream<String>> response = send(request);
        if (response.statusCode() != 200) {
            response.body().close();
            throw failure(response);
        }
        StringBuilder text = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith("d:")) {
                    listener.onDelta(line.substring(2));
                    text.append(line.substring(2));
                } else if (line.startsWith("u:")) {
                    return new CompletionResult(text.toString(), "stop", usage(line.substring(2)), null, model);
                } else {
                    throw new ProviderException(Kind.MALFORMED_RESPONSE, "The echo service sent an unreadable line",
                            false, null, !text.isEmpty(), 200, null);
                }
            }
        } catch (UncheckedIOException e) {
            throw new ProviderException(Kind.UNAVAILABLE, "The echo service went away mid-answer", true, null,
                    !text.isEmpty(), 200, null);
        }
        throw new ProviderException(Kind.MALFORMED_RESPONSE, "The echo service sent no usage", false, null,
                !text.isEmpty(), 200, null);
    }

    /** The echo service has no key endpoint: an empty echo tells whether it takes the key. */
    @Override
    public KeyCheck checkKey(Credentials credentials) {
        try {
            complete(new CompletionRequest(model, List.of(new ChatMessage("user", "")), GenerationParameters.defaults(),
                    credentials, Instant.now().plusSeconds(10), "key-check"));
            return new KeyCheck(true, null, null, false);
        } catch (ProviderException e) {
            if (e.kind() == Kind.INVALID_CREDENTIALS) {
                return new KeyCheck(false, null, null, false);
            }
            throw e;
        }
    }

    private HttpResponse<Stream<String>> send(CompletionRequest request) {
        Duration left = Duration.between(Instant.now(), request.deadline());
        if (left.isNegative() || left.isZero()) {
            throw new ProviderException(Kind.TIMEOUT, "No time left before the deadline", true);
        }
        List<ChatMessage> messages = request.messages();
        HttpRequest.Builder call = HttpRequest.newBuilder(endpoint).timeout(left)
                .POST(HttpRequest.BodyPublishers.ofString(messages.getLast().content()));
        String key = request.credentials().isUserKey() ? request.credentials().apiKey() : apiKey;
        if (key != null) {
            call.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(call.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.TIMEOUT, "The echo service did not answer before the deadline", true);
        } catch (IOException e) {
            throw new ProviderException(Kind.UNAVAILABLE, "The echo service cannot be reached", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.INTERNAL, "Interrupted", false);
        }
    }

    // The message never quotes the answer: an error body may echo the key.
    private static ProviderException failure(HttpResponse<?> response) {
        int status = response.statusCode();
        Duration retryAfter = response.headers().firstValue("Retry-After").filter(s -> s.matches("\\d+"))
                .map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(null);
        return switch (status) {
            case 401 -> new ProviderException(Kind.INVALID_CREDENTIALS, "The echo service rejected the key", false, null, false, status, null);
            case 402 -> new ProviderException(Kind.INSUFFICIENT_CREDITS, "No credit left", false, null, false, status, null);
            case 429 -> new ProviderException(Kind.RATE_LIMITED, "Too many requests", true, retryAfter, false, status, null);
            default -> status >= 500
                    ? new ProviderException(Kind.UNAVAILABLE, "The echo service is unavailable (HTTP " + status + ")", true, retryAfter, false, status, null)
                    : new ProviderException(Kind.BAD_REQUEST, "The echo service refused the request (HTTP " + status + ")", false, null, false, status, null);
        };
    }

    private static TokenUsage usage(String counts) {
        String[] parts = counts.trim().split(" ");
        try {
            return new TokenUsage(Long.parseLong(parts[0]), Long.parseLong(parts[1]), null, false, null);
        } catch (RuntimeException e) {
            throw new ProviderException(Kind.MALFORMED_RESPONSE, "The echo service sent an unreadable usage", false);
        }
    }
}
