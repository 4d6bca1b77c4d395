package io.promptmanager.server.execution;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.execution.Execution;
import io.promptmanager.core.execution.ExecutionHistoryService;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.PageResponse;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** {@code /api/v1/executions}: the caller's recorded runs, one run, and a CSV export. */
public final class ExecutionHttpService implements HttpService {
    static final String BASE = "/api/v1/executions/";
    private static final List<String> CSV_COLUMNS = List.of("id", "createdAt", "prompt", "version", "provider",
            "model", "channel", "billingType", "status", "errorCode", "finishReason", "promptTokens",
            "completionTokens", "cost", "costSource", "latencyMs", "providerRequestId");

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
        Csv csv = new Csv().row(CSV_COLUMNS);
        export.rows().forEach(e -> csv.row(row(e)));
        response.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8; header=present")
                .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"executions.csv\"")
                .header("X-Export-Truncated", String.valueOf(export.truncated()))
                .send(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Object> row(Execution e) {
        return Arrays.asList(e.id(), e.createdAt(), e.promptName(), e.version(), e.provider(), e.model(),
                e.channel(), e.billingType(), e.status(), e.errorCode(), e.finishReason(), e.usage().prompt(),
                e.usage().completion(), e.cost().amount() == null ? null : e.cost().amount().toPlainString(),
                e.cost().source(), e.latencyMs(), e.providerRequestId());
    }
}
