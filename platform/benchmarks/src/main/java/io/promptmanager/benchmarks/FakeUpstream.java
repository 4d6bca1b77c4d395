package io.promptmanager.benchmarks;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The model API every arm calls: OpenAI's chat completions wire format as OpenRouter serves it
 * ({@code POST /v1/chat/completions}, non-streaming, with usage and cost) and its model list
 * ({@code GET /v1/models}, which Prompt Manager's catalogue reads). It answers at once and counts
 * completion calls, so the arms can be checked against each other and against stored rows.
 */
final class FakeUpstream implements AutoCloseable {
    static final String MODEL = "openai/gpt-4o-mini";
    static final String ANSWER = "Welcome aboard, Ada! Prompt Manager is glad to have you.";

    private static final byte[] MODELS = """
            {"data":[{"id":"%s","name":"OpenAI: GPT-4o-mini","created":1721260800,"description":"paid",
              "context_length":128000,
              "architecture":{"input_modalities":["text"],"output_modalities":["text"],"tokenizer":"GPT"},
              "pricing":{"prompt":"0.00000015","completion":"0.0000006","request":"0","image":"0"},
              "top_provider":{"context_length":128000,"max_completion_tokens":16384,"is_moderated":true}}]}"""
            .formatted(MODEL).getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMPLETION = """
            {"id":"gen-1732540000-benchmark","provider":"OpenAI","model":"%s","object":"chat.completion",
             "created":1732540000,
             "choices":[{"logprobs":null,"finish_reason":"stop","native_finish_reason":"stop","index":0,
               "message":{"role":"assistant","content":"%s","refusal":null}}],
             "usage":{"prompt_tokens":31,"completion_tokens":14,"total_tokens":45,"cost":0.0000129}}"""
            .formatted(MODEL, ANSWER).getBytes(StandardCharsets.UTF_8);

    private final WebServer server;
    private final LongAdder completions = new LongAdder();
    private final AtomicReference<byte[]> lastRequest = new AtomicReference<>();

    FakeUpstream() {
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .featuresDiscoverServices(false)
                .shutdownHook(false)
                .routing(routing -> routing
                        .post("/v1/chat/completions", this::complete)
                        .get("/v1/models", (request, response) -> json(response, MODELS)))
                .build()
                .start();
    }

    private void complete(ServerRequest request, ServerResponse response) {
        lastRequest.set(request.content().as(byte[].class));
        completions.increment();
        json(response, COMPLETION);
    }

    private static void json(ServerResponse response, byte[] body) {
        response.header(HeaderValues.CONTENT_TYPE_JSON).send(body);
    }

    /** Base URL as OpenAI clients take it ({@code …/v1}). */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    long completions() {
        return completions.sum();
    }

    /** The body of the latest completion request (what Prompt Manager sent), or null. */
    String lastRequest() {
        byte[] body = lastRequest.get();
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }
}
