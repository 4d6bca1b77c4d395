package io.promptmanager.core.execution;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionCsvTest {

    @Test
    void writesAHeaderThenOneRowPerRunWithTheExactCost() {
        UUID id = UUID.fromString("0b6f3a2e-0000-4000-8000-000000000001");
        Execution run = new Execution(id, null, "summarise, short", 3, "openrouter", "openai/gpt-4o-mini",
                Channel.CONSOLE, BillingType.BYOK, ExecutionStatus.SUCCEEDED, null, "stop", new Tokens(120, 8),
                new Cost(new BigDecimal("0.000000136"), CostSource.PROVIDER), 812, "gen-1", null, false, null, false,
                Instant.parse("2026-03-01T10:00:00Z"));
        Execution failed = new Execution(id, null, "p", 1, "openrouter", "m", Channel.API, BillingType.SYSTEM,
                ExecutionStatus.FAILED, "PROVIDER_TIMEOUT", null, Tokens.NONE, Cost.UNKNOWN, 2000, null, null, false,
                null, false, Instant.parse("2026-03-01T11:00:00Z"));

        String csv = ExecutionCsv.write(List.of(run, failed));

        assertThat(csv.split("\r\n")).containsExactly(
                "id,createdAt,prompt,version,provider,model,channel,billingType,status,errorCode,finishReason,"
                        + "promptTokens,completionTokens,cost,costSource,latencyMs,providerRequestId",
                id + ",2026-03-01T10:00:00Z,\"summarise, short\",3,openrouter,openai/gpt-4o-mini,CONSOLE,BYOK,"
                        + "SUCCEEDED,,stop,120,8,0.000000136,PROVIDER,812,gen-1",
                id + ",2026-03-01T11:00:00Z,p,1,openrouter,m,API,SYSTEM,FAILED,PROVIDER_TIMEOUT,,0,0,,UNKNOWN,2000,");
    }
}
