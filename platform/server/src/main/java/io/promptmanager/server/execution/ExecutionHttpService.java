package io.promptmanager.server.execution;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.execution.ExecutionCsv;
import io.promptmanager.core.execution.ExecutionHistoryService;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.PageResponse;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

import java.nio.charset.StandardCharsets;

/** {@code /api/v1/executions}: the caller's recorded runs, one run, and a CSV export. */
public final class ExecutionHttpService implements HttpService {
    static final String BASE = "/api/v1/executions/";

    private final ExecutionHistoryService history;

    public ExecutionHttpService(ExecutionHistoryService history) {
        this.history = history;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .get("/export.csv", this::export)
                .get("/{id}", this::get);
    }

    private void list(ServerRequest request, ServerResponse response) {
        var page = history.list(Auth.actor(request), ExecutionParams.filter(request), Params.page(request));
        Responses.ok(response, PageResponse.of(page, ExecutionDto::from));
    }

    private void get(ServerRequest request, ServerResponse response) {
        Responses.ok(response, ExecutionDto.from(history.get(Auth.actor(request), Params.uuid(request, "id"))));
    }

    private void export(ServerRequest request, ServerResponse response) {
        var export = history.export(Auth.actor(request), ExecutionParams.filter(request));
        response.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, ExecutionCsv.CONTENT_TYPE)
                .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + ExecutionCsv.FILE_NAME + "\"")
                .header("X-Export-Truncated", String.valueOf(export.truncated()))
                .send(export.toCsv().getBytes(StandardCharsets.UTF_8));
    }
}
