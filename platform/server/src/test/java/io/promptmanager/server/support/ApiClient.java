package io.promptmanager.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for one server and (optionally) one API key. */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String baseUri;
    private final String apiKey;
    private final Map<String, String> headers;

    private ApiClient(String baseUri, String apiKey, Map<String, String> headers) {
        this.baseUri = baseUri;
        this.apiKey = apiKey;
        this.headers = headers;
    }

    public static ApiClient of(int port) {
        return new ApiClient("http://127.0.0.1:" + port, null, Map.of());
    }

    public ApiClient withKey(String key) {
        return new ApiClient(baseUri, key, headers);
    }

    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUri, apiKey, more);
    }

    public ApiResponse get(String path) {
        return send("GET", path, (String) null, null);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, (String) null, null);
    }

    public ApiResponse post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public ApiResponse put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public ApiResponse patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public ApiResponse send(String method, String path, String body, String contentType) {
        return send(method, path, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body), contentType);
    }

    public ApiResponse send(String method, String path, BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
