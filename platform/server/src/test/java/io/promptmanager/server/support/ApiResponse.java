package io.promptmanager.server.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** What the server answered, with the body parsed on demand. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    public JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public JsonArray items() {
        return json().getJsonArray("items");
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The problem's stable code, failing loudly when the answer is not a problem. */
    public String code() {
        if (!contentType().startsWith("application/problem+json")) {
            throw new AssertionError("Not a problem (" + status + ", " + contentType() + "): " + body);
        }
        return json().getString("code");
    }

    @Override
    public String toString() {
        return status + " " + contentType() + " " + body;
    }
}
