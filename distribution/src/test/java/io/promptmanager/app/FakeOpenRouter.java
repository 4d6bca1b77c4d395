package io.promptmanager.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for OpenRouter speaking its documented wire format: {@code GET /models} with
 * one free and one paid model, {@code POST /chat/completions} answering with usage and cost,
 * {@code GET /key} describing the presented key. It records the Authorization header of every
 * completion request, and of every key check apart.
 */
final class FakeOpenRouter implements AutoCloseable {
    static final String FREE_MODEL = "meta-llama/llama-3.3-8b-instruct:free";
    static final String PAID_MODEL = "openai/gpt-4o-mini";
    static final String ANSWER = "Welcome aboard, Ada!";
    static final String COST = "0.0000123";

    private static final String MODELS = """
            {"data":[
              {"id":"%s","name":"Meta: Llama 3.3 8B Instruct (free)","created":1733506137,
               "description":"free","context_length":131072,
               "architecture":{"input_modalities":["text"],"output_modalities":["text"],"tokenizer":"Llama3"},
               "pricing":{"prompt":"0","completion":"0","request":"0","image":"0"},
               "top_provider":{"context_length":131072,"max_completion_tokens":4096,"is_moderated":false}},
              {"id":"%s","name":"OpenAI: GPT-4o-mini","created":1721260800,
               "description":"paid","context_length":128000,
               "architecture":{"input_modalities":["text","image"],"output_modalities":["text"],"tokenizer":"GPT"},
               "pricing":{"prompt":"0.00000015","completion":"0.0000006","request":"0","image":"0.000217"},
               "top_provider":{"context_length":128000,"max_completion_tokens":16384,"is_moderated":true}}
            ]}""".formatted(FREE_MODEL, PAID_MODEL);
    private static final String COMPLETION = """
            {"id":"gen-1732540000-abcdef","provider":"OpenAI","model":"%s","object":"chat.completion",
             "created":1732540000,
             "choices":[{"logprobs":null,"finish_reason":"stop","native_finish_reason":"stop","index":0,
               "message":{"role":"assistant","content":"%s","refusal":null,"reasoning":null}}],
             "usage":{"prompt_tokens":42,"completion_tokens":7,"total_tokens":49,"cost":%s,"is_byok":false,
               "prompt_tokens_details":{"cached_tokens":0},
               "cost_details":{"upstream_inference_cost":null},
               "completion_tokens_details":{"reasoning_tokens":0}}}""".formatted(PAID_MODEL, ANSWER, COST);

    // GET /key, as OpenRouter documents it: the label shows only the key's ends
    private static final String KEY = """
            {"data":{"label":"sk-or-v1-fed...210","limit":20,"limit_remaining":17.5,"limit_reset":"monthly",
              "include_byok_in_limit":false,"usage":2.5,"usage_daily":0.5,"usage_weekly":2.5,"usage_monthly":2.5,
              "byok_usage":0,"byok_usage_daily":0,"byok_usage_weekly":0,"byok_usage_monthly":0,
              "is_free_tier":false,"is_management_key":false,"is_provisioning_key":false,
              "creator_user_id":"user_2dHFtVWx2n56w6HkM0000000000","expires_at":null,
              "rate_limit":{"requests":-1,"interval":"10s","note":"This field is deprecated and safe to ignore."}}}""";

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> keyChecks = new CopyOnWriteArrayList<>();

    FakeOpenRouter() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/models", exchange -> answer(exchange, MODELS));
        server.createContext("/api/v1/chat/completions", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            answer(exchange, COMPLETION);
        });
        server.createContext("/api/v1/key", exchange -> {
            keyChecks.add(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, KEY);
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    List<String> authorizations() {
        return authorizations;
    }

    /** The Authorization header of every key check ({@code GET /key}). */
    List<String> keyChecks() {
        return keyChecks;
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
