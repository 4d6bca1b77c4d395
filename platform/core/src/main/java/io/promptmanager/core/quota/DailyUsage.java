package io.promptmanager.core.quota;

import java.time.Instant;

/** Today's (UTC) executions; {@code limit} is null when unlimited. */
public record DailyUsage(int used, Integer limit, Instant resetsAt) {
    public Integer remaining() {
        return limit == null ? null : Math.max(0, limit - used);
    }
}
