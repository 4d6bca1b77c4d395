package io.promptmanager.server.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.promptmanager.core.common.ErrorCode;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers requests the transport refuses before routing (body over the size limit, malformed
 * HTTP) with the same problem+json as every other error, so clients parse one error shape.
 */
public final class ProblemDirectHandler implements DirectHandler {
    private static final Logger LOG = Logger.getLogger(ProblemDirectHandler.class.getName());

    private final long maxPayloadSize;

    public ProblemDirectHandler(long maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, Throwable thrown, System.Logger logger) {
        if (status.code() >= 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, thrown, () -> "Unexpected transport error " + errorId);
            return respond(status, headers, Problem.unexpected(errorId, null));
        }
        return handle(request, eventType, status, headers, (String) null);
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        ErrorCode code = Problems.codeFor(status.code());
        if (code == ErrorCode.INTERNAL_ERROR) {
            String errorId = UUID.randomUUID().toString();
            LOG.severe(() -> "Unexpected transport error " + errorId + " (" + status + ")");
            return respond(status, headers, Problem.unexpected(errorId, null));
        }
        String detail = code == ErrorCode.PAYLOAD_TOO_LARGE
                ? "The request body is larger than the limit of " + maxPayloadSize + " bytes"
                : Problems.detailFor(code);
        return respond(status, headers, Problem.of(code, detail, null));
    }

    private static TransportResponse respond(Status status, ServerResponseHeaders headers, Problem problem) {
        headers.set(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(ApiJson.write(problem))
                .build();
    }
}
