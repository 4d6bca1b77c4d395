package io.promptmanager.plugins.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.ErrorMapping;
import io.promptmanager.plugins.openaiwire.Failures;
import io.promptmanager.plugins.openaiwire.Json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenRouter's errors — {@code {"error":{"code","message","metadata"}}} with an HTTP status, or
 * in-band under HTTP 200 — as ProviderExceptions with messages safe to show.
 */
final class OpenRouterErrors implements ErrorMapping {
    static final String KEY_REJECTED = "OpenRouter rejected the API key";
    /** Statuses worth another attempt: timeouts, rate limits, down or overloaded providers. */
    static final Set<Integer> RETRYABLE = Set.of(408, 429, 502, 503, 524, 529);
    private static final Set<Integer> BAD_REQUEST = Set.of(400, 404, 413, 422);
    private static final int MAX_REASONS = 5;

    @Override
    public ProviderException fromStatus(int status, JsonNode error, Duration retryAfter, String keyInUse) {
        String upstream = Failures.safeText(Json.text(error, "message"), keyInUse);
        Duration wait = retryAfter;
        if (wait == null) {
            wait = availabilityRetryAfter(error);
        }
        boolean retryable = RETRYABLE.contains(status);
        return switch (status) {
            case 401 -> Failures.upstream(Kind.INVALID_CREDENTIALS, KEY_REJECTED, false, null, status);
            case 402 -> Failures.upstream(Kind.INSUFFICIENT_CREDITS,
                    "The OpenRouter account behind the key has insufficient credits", false, null, status);
            case 403 -> Failures.upstream(Kind.BLOCKED, blocked(error, keyInUse), false, null, status);
            case 429 -> Failures.upstream(Kind.RATE_LIMITED,
                    "OpenRouter is rate limiting requests (HTTP 429); try again later", true, wait, status);
            case 408 -> Failures.upstream(Kind.UNAVAILABLE, "OpenRouter timed out the request (HTTP 408)", true, wait, status);
            case 502 -> Failures.upstream(Kind.UNAVAILABLE,
                    "The model is down or sent an invalid answer (HTTP 502)", true, wait, status);
            case 503 -> Failures.upstream(Kind.UNAVAILABLE,
                    "No OpenRouter provider can serve this model now (HTTP 503)", true, wait, status);
            default -> {
                if (retryable) {
                    yield Failures.upstream(Kind.UNAVAILABLE,
                            "OpenRouter's provider timed out or is overloaded (HTTP " + status + ")", true, wait, status);
                }
                if (BAD_REQUEST.contains(status)) {
                    yield Failures.upstream(Kind.BAD_REQUEST, "OpenRouter refused the request"
                            + (upstream == null ? " (HTTP " + status + ")" : ": " + upstream), false, null, status);
                }
                yield Failures.upstream(Kind.INTERNAL, "OpenRouter failed (HTTP " + status + ")"
                        + (upstream == null ? "" : ": " + upstream), false, null, status);
            }
        };
    }

    /**
     * An error OpenRouter reported inside a 200 answer: a mid-stream chunk or a plain body whose
     * generation failed. Its {@code code} is usually an HTTP status, sometimes a word.
     */
    @Override
    public ProviderException inBand(JsonNode error, boolean streamed, boolean deltasDelivered, String keyInUse) {
        JsonNode code = error.get("code");
        Integer status = code != null && code.isInt() ? code.intValue() : null;
        String upstream = Failures.safeText(Json.text(error, "message"), keyInUse);
        if (!streamed && status != null && status >= 400) {
            return fromStatusKeepingOk(status, error, keyInUse);
        }
        boolean retryable = status == null || RETRYABLE.contains(status) || status >= 500;
        String message = "OpenRouter reported an error " + (streamed ? "mid-stream" : "while generating")
                + (upstream == null ? "" : ": " + upstream);
        return new ProviderException(streamed ? Kind.STREAM_ERROR : Kind.INTERNAL, message, retryable, null,
                deltasDelivered, 200, null);
    }

    private ProviderException fromStatusKeepingOk(int status, JsonNode error, String keyInUse) {
        ProviderException mapped = fromStatus(status, error, null, keyInUse);
        return new ProviderException(mapped.kind(), mapped.getMessage(), mapped.retryable(),
                mapped.retryAfter().orElse(null), false, 200, null);
    }

    // Moderation metadata names its reasons (categories); flagged_input and guardrail patterns
    // quote the user's text and are never shown.
    private static String blocked(JsonNode error, String keyInUse) {
        String message = "OpenRouter's moderation or a guardrail blocked the request";
        JsonNode reasons = Json.objectAt(error, "metadata") == null ? null : error.get("metadata").get("reasons");
        List<String> safe = new ArrayList<>();
        if (reasons != null && reasons.isArray()) {
            for (JsonNode reason : reasons) {
                String text = reason.isTextual() ? Failures.safeText(reason.textValue(), keyInUse) : null;
                if (text != null && safe.size() < MAX_REASONS) {
                    safe.add(text.length() <= 60 ? text : text.substring(0, 60) + "…");
                }
            }
        }
        String availability = Json.text(Json.objectAt(error, "availability"), "code");
        if (safe.isEmpty() && "region_restricted".equals(availability)) {
            safe.add("the model is not available in this region");
        }
        return safe.isEmpty() ? message : message + ": " + String.join(", ", safe);
    }

    private static Duration availabilityRetryAfter(JsonNode error) {
        JsonNode availability = Json.objectAt(error, "availability");
        JsonNode seconds = availability == null ? null : availability.get("retry_after");
        return seconds != null && seconds.isIntegralNumber() && seconds.longValue() >= 0
                ? Duration.ofSeconds(seconds.longValue()) : null;
    }
}
