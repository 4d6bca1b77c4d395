package io.promptmanager.server.execution;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.execution.ExecutionResult;
import io.promptmanager.core.execution.ExecutionService;
import io.promptmanager.core.user.Actor;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Problem;
import io.promptmanager.server.http.Responses;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/v1/prompts/{name}/executions}: runs a prompt and answers 201 with the result,
 * or streams it as Server-Sent Events when the body says {@code "stream": true} or the client
 * accepts {@code text/event-stream}.
 */
public final class RunHttpService implements HttpService {
    private static final Logger LOG = Logger.getLogger(RunHttpService.class.getName());

    private final ExecutionService executions;

    public RunHttpService(ExecutionService executions) {
        this.executions = executions;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{name}/executions", this::run);
    }

    private void run(ServerRequest request, ServerResponse response) {
        Actor actor = Auth.actor(request);
        String name = Params.path(request, "name");
        RunRequest body = ApiJson.readOptional(request, RunRequestReader::read).orElse(RunRequest.NONE);
        if (body.streamAsked() || acceptsEventStream(request)) {
            stream(request, response, actor, name, body);
            return;
        }
        ExecutionResult result = executions.run(actor, name, body.toRequest(false));
        Responses.createdJson(response, ExecutionHttpService.BASE + result.executionId(),
                ExecutionResultDto.from(result).toJson());
    }

    private void stream(ServerRequest request, ServerResponse response, Actor actor, String name, RunRequest body) {
        EventStream events = new EventStream(response);
        ExecutionResult result;
        try {
            result = executions.run(actor, name, body.toRequest(true), events);
        } catch (UncheckedIOException e) {
            if (!events.started()) {
                throw e;
            }
            LOG.fine(() -> "The client left the event stream of a run of " + name);
            events.abandon();
            return;
        } catch (DomainException e) {
            if (!events.started()) {
                throw e;
            }
            finish(() -> events.error(Problem.of(e.code(), e.getMessage(), e.violations(), path(request))), events);
            return;
        } catch (RuntimeException e) {
            if (!events.started()) {
                throw e;
            }
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, e, () -> "Unexpected error " + errorId + " in the event stream of " + path(request));
            finish(() -> events.error(Problem.unexpected(errorId, path(request))), events);
            return;
        }
        finish(() -> events.done(ExecutionResultDto.from(result)), events);
    }

    /** Sends the last event; a client that already left is no error of the run, which is recorded. */
    private static void finish(Runnable lastEvent, EventStream events) {
        try {
            lastEvent.run();
        } catch (UncheckedIOException e) {
            LOG.fine("The client left the event stream before its last event");
            events.abandon();
        }
    }

    private static boolean acceptsEventStream(ServerRequest request) {
        if (!request.headers().contains(HeaderNames.ACCEPT)) {
            return false;
        }
        return request.headers().acceptedTypes().stream()
                .map(HttpMediaType::mediaType)
                .anyMatch(type -> type.text().toLowerCase(Locale.ROOT).equals(EventStream.MEDIA_TYPE));
    }

    private static String path(ServerRequest request) {
        return request.path().absolute().path();
    }
}
