package io.promptmanager.plugin.tck;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory upstream: the script is read directly by {@link ScriptedProvider}, found by its id in the settings. */
final class ScriptedUpstream implements Upstream {
    static final Map<String, ScriptedUpstream> OPEN = new ConcurrentHashMap<>();
    static final String MODEL = "tck/echo-1";

    sealed interface Script {
    }

    record Answer(List<String> deltas, long promptTokens, long completionTokens) implements Script {
    }

    record Failure(int status, String message, Duration retryAfter) implements Script {
    }

    record Hang() implements Script {
    }

    record Garbage() implements Script {
    }

    private final String id = UUID.randomUUID().toString();
    volatile Script script = new Answer(List.of("ok"), 1, 1);
    volatile String systemKey;

    ScriptedUpstream() {
        OPEN.put(id, this);
    }

    @Override
    public Map<String, String> settings(String apiKey) {
        systemKey = apiKey;
        return Map.of("upstream", id, "api-key", apiKey, "model", MODEL);
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public void completeWith(String text, long promptTokens, long completionTokens) {
        script = new Answer(List.of(text), promptTokens, completionTokens);
    }

    @Override
    public void streamWith(List<String> deltas, long promptTokens, long completionTokens) {
        script = new Answer(List.copyOf(deltas), promptTokens, completionTokens);
    }

    @Override
    public void failWith(int status, String message, Duration retryAfter) {
        script = new Failure(status, message, retryAfter);
    }

    @Override
    public void hang() {
        script = new Hang();
    }

    @Override
    public void sendGarbage() {
        script = new Garbage();
    }

    @Override
    public void close() {
        OPEN.remove(id);
    }
}
