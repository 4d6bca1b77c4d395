package io.promptmanager.stripe.testing;

/**
 * A Stripe error answer: HTTP status and {@code {"error": {"code", "doc_url", "message", "param",
 * "request_log_url", "type"}}} as docs.stripe.com/api/errors describes. Thrown by the endpoints.
 */
final class ApiError extends RuntimeException {
    final int status;
    final String type;
    final String code;
    final String param;

    ApiError(int status, String type, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    /** 400 for a parameter Stripe cannot accept. */
    static ApiError invalid(String param, String message) {
        return new ApiError(400, "invalid_request_error", null, param, message);
    }

    /** A missing object: 404 when named in the path, 400 when named by a parameter. */
    static ApiError noSuch(int status, String objectName, String id, String param) {
        return new ApiError(status, "invalid_request_error", "resource_missing", param,
                "No such " + objectName + ": '" + id + "'");
    }

    static ApiError missingParam(String param) {
        return new ApiError(400, "invalid_request_error", "parameter_missing", param,
                "Missing required param: " + param + ".");
    }

    static ApiError unknownParam(String param) {
        return new ApiError(400, "invalid_request_error", "parameter_unknown", param,
                "Received unknown parameter: " + param);
    }

    String body(String requestId) {
        Json error = Json.object()
                .put("code", code)
                .put("doc_url", code == null ? null : "https://stripe.com/docs/error-codes/" + code.replace('_', '-'))
                .put("message", getMessage())
                .put("param", param)
                .put("request_log_url", "https://dashboard.stripe.com/test/logs/" + requestId)
                .put("type", type);
        return Json.object().put("error", error).toString();
    }
}
