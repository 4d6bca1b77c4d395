package io.promptmanager.server.http;

import io.helidon.common.media.type.MediaType;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.eclipse.yasson.YassonConfig;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * JSON of the public API: strict reading (unknown fields, wrong types and malformed JSON are 400
 * VALIDATION_FAILED naming the field) and writing with explicit nulls. Problems are written
 * without null members.
 */
public final class ApiJson {
    public static final String MEDIA_TYPE = "application/json";
    private static final Jsonb STRICT = JsonbBuilder.create(new YassonConfig()
            .withFailOnUnknownProperties(true)
            .withNullValues(true));
    private static final Jsonb PROBLEMS = JsonbBuilder.create(new YassonConfig().withNullValues(false));

    private ApiJson() {
    }

    /** The request body as {@code type}; a missing body is a violation on {@code body}. */
    public static <T> T read(ServerRequest request, Class<T> type) {
        return readOptional(request, type).orElseThrow(
                () -> DomainException.invalid("body", "a JSON request body is required"));
    }

    /** The request body as {@code type}, or empty when the request has none (or {@code null}). */
    public static <T> Optional<T> readOptional(ServerRequest request, Class<T> type) {
        return readOptional(request, body -> parse(new String(body, StandardCharsets.UTF_8), type));
    }

    /**
     * The request body read by {@code reader} (which throws DomainException for bad input), or
     * empty when the request has none (or the reader answers null); the content type is checked
     * first.
     */
    public static <T> Optional<T> readOptional(ServerRequest request, Function<byte[], T> reader) {
        if (!request.content().hasEntity()) {
            return Optional.empty();
        }
        requireJsonContentType(request);
        byte[] body = request.content().as(byte[].class);
        if (body.length == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(reader.apply(body));
    }

    static <T> T parse(String json, Class<T> type) {
        try {
            return STRICT.fromJson(json, type);
        } catch (JsonbException e) {
            throw DomainException.invalid(JsonErrors.violations(e));
        }
    }

    public static byte[] write(Object value) {
        return STRICT.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /** A problem without its null members. */
    public static byte[] write(Problem problem) {
        return PROBLEMS.toJson(problem).getBytes(StandardCharsets.UTF_8);
    }

    private static void requireJsonContentType(ServerRequest request) {
        Optional<HttpMediaType> contentType = request.headers().contentType();
        if (contentType.isEmpty()) {
            return;
        }
        MediaType mediaType = contentType.get().mediaType();
        String subtype = mediaType.subtype().toLowerCase(Locale.ROOT);
        boolean json = "application".equalsIgnoreCase(mediaType.type())
                && (subtype.equals("json") || subtype.endsWith("+json"));
        if (!json) {
            throw new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as application/json (Content-Type was " + mediaType.text() + ")");
        }
    }
}
