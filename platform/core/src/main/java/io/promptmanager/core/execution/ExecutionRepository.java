package io.promptmanager.core.execution;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.Cursor;
import io.promptmanager.core.common.Json;
import io.promptmanager.core.db.SqlWrite;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for executions; every read is scoped to one user. */
public final class ExecutionRepository {
    private static final Type VARIABLES = new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {String.class, Object.class};
        }

        @Override
        public Type getRawType() {
            return Map.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    };
    // A whole batch in one statement: one array per column, zipped by unnest. The prompt's id is
    // read from the version that ran (a primary-key lookup), so a prompt deleted meanwhile (its
    // versions go with it) just leaves it null instead of failing the foreign key.
    private static final String INSERT = """
            INSERT INTO executions (id, user_id, prompt_id, prompt_name, version_number, provider, model, channel,
                                    billing_type, status, error_code, finish_reason, prompt_tokens,
                                    completion_tokens, cost, cost_source, latency_ms, provider_request_id,
                                    variables, variables_truncated, output, output_truncated, created_at)
            SELECT t.id::uuid, t.user_id::uuid,
                   (SELECT v.prompt_id FROM prompt_versions v WHERE v.id = t.version_id::uuid),
                   t.prompt_name, t.version_number::integer, t.provider, t.model, t.channel, t.billing_type,
                   t.status, t.error_code, t.finish_reason, t.prompt_tokens::bigint, t.completion_tokens::bigint,
                   t.cost::numeric, t.cost_source, t.latency_ms::bigint, t.provider_request_id,
                   t.variables::jsonb, t.variables_truncated::boolean, t.output, t.output_truncated::boolean,
                   t.created_at::timestamptz
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS t(id, user_id, version_id, prompt_name, version_number, provider, model, channel, billing_type,
                      status, error_code, finish_reason, prompt_tokens, completion_tokens, cost, cost_source,
                      latency_ms, provider_request_id, variables, variables_truncated, output, output_truncated,
                      created_at)
            """;
    private static final String SUMMARY_COLUMNS = """
            SELECT e.id, e.prompt_id, e.prompt_name, e.version_number, e.provider, e.model, e.channel,
                   e.billing_type, e.status, e.error_code, e.finish_reason, e.prompt_tokens, e.completion_tokens,
                   e.cost, e.cost_source, e.latency_ms, e.provider_request_id, e.variables_truncated,
                   e.output_truncated, e.created_at
            """;
    private static final String ONE = SUMMARY_COLUMNS + """
            , e.variables::text AS variables, e.output
            FROM executions e WHERE e.id = ?::uuid AND e.user_id = ?::uuid
            """;
    private static final String PAGE = SUMMARY_COLUMNS + """
            , NULL::text AS variables, NULL::text AS output
            FROM executions e
            WHERE e.user_id = ?::uuid
              AND (?::text IS NULL OR e.prompt_name = ?::text)
              AND (?::text IS NULL OR e.status = ?::text)
              AND (?::text IS NULL OR e.billing_type = ?::text)
              AND (?::text IS NULL OR e.model = ?::text)
              AND (?::timestamptz IS NULL OR e.created_at >= ?::timestamptz)
              AND (?::timestamptz IS NULL OR e.created_at < ?::timestamptz)
              AND (?::timestamptz IS NULL OR (e.created_at, e.id) < (?::timestamptz, ?::uuid))
            ORDER BY e.created_at DESC, e.id DESC
            LIMIT ?
            """;

    /** The insert of every record of a batch, as one statement. */
    public SqlWrite insert(List<ExecutionRecord> records) {
        int n = records.size();
        String[][] columns = new String[23][n];
        for (int i = 0; i < n; i++) {
            ExecutionRecord r = records.get(i);
            String[] row = {r.id().toString(), r.userId().toString(),
                    r.versionId() == null ? null : r.versionId().toString(), r.promptName(),
                    Integer.toString(r.versionNumber()), r.provider(), r.model(), r.channel().name(),
                    r.billingType().name(), r.status().name(), r.errorCode(), r.finishReason(),
                    Long.toString(r.tokens().prompt()), Long.toString(r.tokens().completion()),
                    r.cost().amount() == null ? null : r.cost().amount().toPlainString(), r.cost().source().name(),
                    Long.toString(r.latencyMs()), r.providerRequestId(), r.variablesJson(),
                    Boolean.toString(r.variablesTruncated()), r.output(), Boolean.toString(r.outputTruncated()),
                    r.createdAt().toString()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        return new SqlWrite(INSERT, (Object[]) columns);
    }

    public Optional<Execution> find(DbExecute exec, UUID userId, UUID id) {
        return exec.get(ONE, id, userId).map(ExecutionRepository::map);
    }

    /** Newest first, after {@code after} (null = from the newest), at most {@code limit} rows. */
    public List<Execution> page(DbExecute exec, UUID userId, ExecutionFilter filter, Cursor after, int limit) {
        String status = filter.status() == null ? null : filter.status().name();
        String billing = filter.billingType() == null ? null : filter.billingType().name();
        Timestamp from = filter.from() == null ? null : Timestamp.from(filter.from());
        Timestamp to = filter.to() == null ? null : Timestamp.from(filter.to());
        Timestamp at = after == null ? null : Timestamp.from(after.createdAt());
        UUID id = after == null ? null : after.id();
        return exec.query(PAGE, userId, filter.prompt(), filter.prompt(), status, status, billing, billing,
                        filter.model(), filter.model(), from, from, to, to, at, at, id, limit)
                .map(ExecutionRepository::map)
                .toList();
    }

    private static Execution map(DbRow row) {
        BigDecimal cost = row.column("cost").get(BigDecimal.class);
        String variables = row.column("variables").get(String.class);
        return new Execution(
                row.column("id").get(UUID.class),
                row.column("prompt_id").get(UUID.class),
                row.column("prompt_name").get(String.class),
                row.column("version_number").get(Integer.class),
                row.column("provider").get(String.class),
                row.column("model").get(String.class),
                Channel.valueOf(row.column("channel").get(String.class)),
                BillingType.valueOf(row.column("billing_type").get(String.class)),
                ExecutionStatus.valueOf(row.column("status").get(String.class)),
                row.column("error_code").get(String.class),
                row.column("finish_reason").get(String.class),
                new Tokens(row.column("prompt_tokens").get(Long.class), row.column("completion_tokens").get(Long.class)),
                new Cost(cost, CostSource.valueOf(row.column("cost_source").get(String.class))),
                row.column("latency_ms").get(Long.class),
                row.column("provider_request_id").get(String.class),
                variables == null ? null : Json.read(variables, VARIABLES),
                row.column("variables_truncated").get(Boolean.class),
                row.column("output").get(String.class),
                row.column("output_truncated").get(Boolean.class),
                row.column("created_at").get(Timestamp.class).toInstant());
    }
}
