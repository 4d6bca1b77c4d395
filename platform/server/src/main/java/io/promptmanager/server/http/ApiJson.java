package io.promptmanager.server.http;

import io.helidon.common.media.type.MediaType;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import org.eclipse.yasson.YassonConfig;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * JSON of the public API: strict reading (unknown fields, wrong types and malformed JSON are 400
 * VALIDATION_FAILED naming the field) and writing with explicit nulls. Problems are written
 * without null members. Bodies nested deeper than {@link #MAX_NESTING} levels are refused before
 * any parser recurses into them. The hottest endpoint reads and writes through the JSON-P
 * {@link #parser} and {@link #generator} directly, with {@link JsonErrors}' wording.
 */
public final class ApiJson {
    public static final String MEDIA_TYPE = "application/json";
    /** Deepest nesting of objects and arrays a request body may have. */
    public static final int MAX_NESTING = 100;
    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());
    private static final JsonGeneratorFactory GENERATORS = JsonProvider.provider().createGeneratorFactory(Map.of());
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
        return readOptional(request, body -> parse(body, type));
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
        return parse(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static <T> T parse(byte[] json, Class<T> type) {
        requireNestingWithinLimit(json);
        try {
            return STRICT.fromJson(new String(json, StandardCharsets.UTF_8), type);
        } catch (JsonbException e) {
            throw DomainException.invalid(JsonErrors.violations(e));
        }
    }

    /**
     * A JSON-P parser of a UTF-8 body (RFC 8259: naming the encoding spares the parser its
     * detection), after {@link #requireNestingWithinLimit}.
     */
    public static JsonParser parser(byte[] json) {
        requireNestingWithinLimit(json);
        return PARSERS.createParser(new ByteArrayInputStream(json), StandardCharsets.UTF_8);
    }

    /** A JSON-P generator writing UTF-8 to {@code out}. */
    public static JsonGenerator generator(OutputStream out) {
        return GENERATORS.createGenerator(out, StandardCharsets.UTF_8);
    }

    /**
     * Refuses (400, on {@code body}) JSON whose objects and arrays nest deeper than
     * {@link #MAX_NESTING}: JSON-B recurses once per level and overflowed the stack a few thousand
     * levels down. Brackets inside strings do not count; the text need not be valid otherwise (the
     * parser says what else is wrong). Structural characters are ASCII, so UTF-8 bytes are read as is.
     */
    public static void requireNestingWithinLimit(byte[] json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > MAX_NESTING) {
                    throw DomainException.invalid(List.of(JsonErrors.nestedTooDeeply()));
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
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
