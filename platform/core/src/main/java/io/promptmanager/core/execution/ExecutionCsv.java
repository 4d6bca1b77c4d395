package io.promptmanager.core.execution;

import java.util.Arrays;
import java.util.List;

/**
 * Runs as CSV, one row each with a header row: the one format of the API's export and the
 * console's download, so both give the same file for the same runs. Costs are exact decimal
 * strings; times are ISO-8601 UTC.
 */
public final class ExecutionCsv {
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8; header=present";
    public static final String FILE_NAME = "executions.csv";
    static final List<String> COLUMNS = List.of("id", "createdAt", "prompt", "version", "provider",
            "model", "channel", "billingType", "status", "errorCode", "finishReason", "promptTokens",
            "completionTokens", "cost", "costSource", "latencyMs", "providerRequestId");

    private ExecutionCsv() {
    }

    public static String write(List<Execution> executions) {
        Csv csv = new Csv().row(COLUMNS);
        executions.forEach(e -> csv.row(row(e)));
        return csv.toString();
    }

    private static List<Object> row(Execution e) {
        return Arrays.asList(e.id(), e.createdAt(), e.promptName(), e.version(), e.provider(), e.model(),
                e.channel(), e.billingType(), e.status(), e.errorCode(), e.finishReason(), e.usage().prompt(),
                e.usage().completion(), e.cost().amount() == null ? null : e.cost().amount().toPlainString(),
                e.cost().source(), e.latencyMs(), e.providerRequestId());
    }
}
