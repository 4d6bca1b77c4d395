package io.promptmanager.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.RetryLaterException;
import io.promptmanager.core.user.LoginThrottledException;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one error handler: every exception becomes an {@code application/problem+json} answer.
 * Rules of the product (DomainException) keep their code and safe message; routing misses are
 * 404 or 405; anything unexpected is a 500 whose random error id is logged with the stack trace.
 */
public final class ApiErrorHandler implements ErrorHandler<Throwable> {
    private static final Logger LOG = Logger.getLogger(ApiErrorHandler.class.getName());
    private static final String BEARER_CHALLENGE = "Bearer realm=\"prompt-manager\"";

    private final RouteTable routes;

    public ApiErrorHandler(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response, Throwable error) {
        String instance = request.path().absolute().path();
        Problem problem = switch (error) {
            case LoginThrottledException e -> {
                response.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
                yield Problem.of(e.code(), e.getMessage(), instance);
            }
            case RetryLaterException e -> {
                e.retryAfter().ifPresent(wait -> response.header(HeaderNames.RETRY_AFTER, retryAfterSeconds(wait)));
                yield Problem.of(e.code(), e.getMessage(), instance);
            }
            case DomainException e -> Problem.of(e.code(), e.getMessage(), e.violations(), instance);
            case NotFoundException e -> routeMiss(request, response, instance);
            case HttpException e when e.status().code() < 500 -> Problems.forStatus(e.status(), instance);
            default -> unexpected(request, error, instance);
        };
        if (problem.status() == ErrorCode.UNAUTHENTICATED.status()) {
            response.header(HeaderNames.WWW_AUTHENTICATE, request.headers().contains(HeaderNames.AUTHORIZATION)
                    ? BEARER_CHALLENGE + ", error=\"invalid_token\"" : BEARER_CHALLENGE);
        }
        Problems.send(response, problem);
    }

    /** Whole seconds, rounded up so a client never retries early, and at least 1. */
    static String retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return String.valueOf(Math.max(1, seconds));
    }

    private Problem routeMiss(ServerRequest request, ServerResponse response, String path) {
        Set<String> allowed = routes.methodsFor(path);
        String method = request.prologue().method().text();
        if (allowed.isEmpty() || allowed.contains(method)) {
            return Problem.of(ErrorCode.NOT_FOUND, "No endpoint " + method + " " + path, path);
        }
        response.header(HeaderNames.ALLOW, String.join(", ", allowed));
        return Problem.of(ErrorCode.METHOD_NOT_ALLOWED,
                method + " is not allowed on " + path + "; use " + String.join(", ", allowed), path);
    }

    private static Problem unexpected(ServerRequest request, Throwable error, String instance) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, error, () -> "Unexpected error " + errorId + " on "
                + request.prologue().method().text() + " " + instance);
        if (error instanceof HttpException http && http.status() != Status.INTERNAL_SERVER_ERROR_500) {
            Problem generic = Problem.unexpected(errorId, instance);
            return new Problem(generic.type(), http.status().reasonPhrase(), http.status().code(), generic.detail(),
                    instance, generic.code(), null, errorId);
        }
        return Problem.unexpected(errorId, instance);
    }
}
