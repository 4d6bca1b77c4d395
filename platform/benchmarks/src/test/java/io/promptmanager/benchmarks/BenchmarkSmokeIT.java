package io.promptmanager.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the benchmark harness working: a smoke run (about 10 s of load) against the packaged
 * product, end to end. It checks that every arm produced numbers, that the correctness counters
 * agree and that the result files are written — never the performance targets, which only the
 * full run on a quiet machine can judge.
 */
class BenchmarkSmokeIT {
    private static final Path OUT = Path.of(System.getProperty("bench.out"));
    private static Results results;

    @BeforeAll
    static void runSmokeBenchmark() {
        results = Benchmark.run(BenchmarkSettings.named("smoke"), Path.of(System.getProperty("bench.zip")), OUT,
                Path.of(System.getProperty("bench.cache")));
    }

    @Test
    void everyArmServedRequestsAtEveryNumberOfConnections() {
        boolean portkey = results.referenceGateway().startsWith(Portkey.PACKAGE);
        for (int connections : BenchmarkSettings.named("smoke").concurrencies()) {
            var arms = results.arms().stream().filter(a -> a.connections() == connections).toList();
            assertThat(arms).extracting(ArmTotals.ArmReport::arm).as("arms at %d connections", connections)
                    .contains(Arm.DIRECT, Arm.PROMPT_MANAGER);
            if (portkey) {
                assertThat(arms).extracting(ArmTotals.ArmReport::arm).contains(Arm.PORTKEY);
            } else {
                assertThat(results.notes()).anyMatch(note -> note.startsWith("Reference arm skipped"));
            }
            assertThat(arms).allSatisfy(arm -> {
                assertThat(arm.requests()).as(arm.arm()).isPositive();
                assertThat(arm.requestsPerSecond()).as(arm.arm()).isPositive();
                assertThat(arm.p50Ms()).as(arm.arm()).isPositive();
                assertThat(arm.errorStatusResponses() + arm.socketErrors()).as(arm.arm()).isZero();
            });
        }
        var promptManager = results.arms().stream().filter(a -> a.arm().equals(Arm.PROMPT_MANAGER)).toList();
        assertThat(promptManager).allSatisfy(arm -> {
            assertThat(arm.processCpuMicrosPerCall()).isPositive();
            assertThat(arm.databaseCpuMicrosPerExecution()).isNotNull();
        });
    }

    @Test
    void everyUpstreamCallOfPromptManagerIsAStoredExecutionAndEverySuccessHasOne() {
        Results.Correctness c = results.correctness();

        assertThat(c.upstreamCalls()).isPositive();
        assertThat(c.executionRows()).isEqualTo(c.upstreamCalls());
        assertThat(c.successfulResponses() + c.abandonedAtSliceEnds()).isEqualTo(c.executionRows());
        assertThat(c.errorResponses() + c.socketErrors() + c.lostRows()).isZero();
        c.otherArmsUpstreamCallsAndSuccesses().forEach((arm, callsAndSuccesses) ->
                assertThat(callsAndSuccesses[0]).as(arm).isGreaterThanOrEqualTo(callsAndSuccesses[1]).isPositive());
    }

    @Test
    void cachedFetchAndAnalyticsProducedNumbers() {
        assertThat(results.cachedProduction().requests()).isPositive();
        assertThat(results.cachedProduction().errorStatusResponses()).isZero();
        assertThat(results.cachedProduction().serverCpuMicrosPerRequest()).isPositive();
        assertThat(results.analytics().reportedRuns()).isEqualTo(results.analytics().executions());
        assertThat(results.analytics().reports()).hasSize(5)
                .allSatisfy(report -> assertThat(report.medianMs()).isPositive());
        assertThat(results.commit().p50Ms()).isPositive();
    }

    @Test
    void writesTheJsonResultAndTheSummaryWithEveryFigureNextToItsTarget() throws IOException {
        JsonNode json = Http.JSON.readTree(OUT.resolve(Summary.JSON).toFile());
        String summary = Files.readString(OUT.resolve(Summary.MARKDOWN));

        assertThat(json.path("mode").asText()).isEqualTo("smoke");
        assertThat(json.path("figures").size()).isEqualTo(results.figures().size());
        assertThat(results.figures()).filteredOn(f -> f.target() != null)
                .extracting(Figure::status).allMatch(status -> status.equals("PASS") || status.equals("MISS")
                        || status.equals("N/A"));
        assertThat(results.figures()).filteredOn(Figure::missed).allSatisfy(f -> {
            assertThat(f.missBy()).isNotBlank();
            assertThat(f.why()).isNotBlank();
            assertThat(summary).contains(f.why());
        });
        assertThat(summary).contains("## Targets", "Added latency over direct, p50, 1 connection",
                "Cached GET …/production", "Analytics over 10,000 executions");
    }
}
