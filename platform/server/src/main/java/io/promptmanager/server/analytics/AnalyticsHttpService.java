package io.promptmanager.server.analytics;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.analytics.AnalyticsService;
import io.promptmanager.core.analytics.GroupBy;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * {@code GET /api/v1/analytics?from=&to=&groupBy=}: runs, successes, errors, tokens, cost and
 * latency of the caller's runs over UTC days {@code from} to {@code to} (both included; the last
 * 30 days by default), grouped by day, prompt, version, model or billingType.
 */
public final class AnalyticsHttpService implements HttpService {
    private final AnalyticsService analytics;

    public AnalyticsHttpService(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::report);
    }

    private void report(ServerRequest request, ServerResponse response) {
        var report = analytics.report(Auth.actor(request), day(request, "from"), day(request, "to"), groupBy(request));
        Responses.ok(response, AnalyticsResponse.from(report));
    }

    private static LocalDate day(ServerRequest request, String name) {
        return Params.query(request, name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw DomainException.invalid(name, name + " must be a day such as 2026-03-01");
            }
        }).orElse(null);
    }

    private static GroupBy groupBy(ServerRequest request) {
        return Params.query(request, "groupBy").map(value -> Arrays.stream(GroupBy.values())
                .filter(g -> AnalyticsResponse.wireName(g).equals(value))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("groupBy",
                        "groupBy must be one of day, prompt, version, model, billingType")))
                .orElse(null);
    }
}
