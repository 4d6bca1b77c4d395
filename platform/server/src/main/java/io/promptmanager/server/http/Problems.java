package io.promptmanager.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.common.ErrorCode;

/** Writes problems and maps bare HTTP statuses (from the transport) to the platform's codes. */
final class Problems {
    private Problems() {
    }

    static void send(ServerResponse response, Problem problem) {
        response.status(Status.create(problem.status()))
                .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .send(ApiJson.write(problem));
    }

    /** A 4xx raised by the HTTP layer itself, with a generic detail (its message is not ours to show). */
    static Problem forStatus(Status status, String instance) {
        ErrorCode code = codeFor(status.code());
        return Problem.of(code, detailFor(code), instance);
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED;
        };
    }

    static String detailFor(ErrorCode code) {
        return switch (code) {
            case PAYLOAD_TOO_LARGE -> "The request body is larger than this server accepts";
            case VALIDATION_FAILED -> "The HTTP request is malformed";
            default -> code.title();
        };
    }
}
