package io.promptmanager.server;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.FakeModelProvider.Answer;
import io.promptmanager.core.user.Role;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.Bodies;
import io.promptmanager.server.support.LogCapture;
import io.promptmanager.server.support.RunningApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.promptmanager.core.testing.FakeModelProvider.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** Running prompts, reading runs and analytics over HTTP, against the fake model provider. */
class ExecutionApiIT {
    private static RunningApi api;
    private static FakeModelProvider provider;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
        provider = api.platform().provider();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void defaultProvider() {
        provider.reset();
    }

    @Test
    void runsAPromptAndAnswers201WithTheRecordedResult() {
        ApiClient pro = api.as(api.accounts().pro());
        String prompt = productionPrompt(pro);
        provider.willNext(Answer.reply("A short summary.", usage(120, 8, new BigDecimal("0.000136"))));

        ApiResponse response = pro.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("the report"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonObject result = response.json();
        assertThat(response.header("Location")).contains("/api/v1/executions/" + result.getString("id"));
        assertThat(result.getString("output")).isEqualTo("A short summary.");
        assertThat(result.getString("finishReason")).isEqualTo("stop");
        assertThat(result.getJsonObject("usage").getInt("promptTokens")).isEqualTo(120);
        assertThat(result.getJsonObject("usage").getInt("completionTokens")).isEqualTo(8);
        assertThat(result.getString("cost")).isEqualTo("0.000136");
        assertThat(result.getString("costSource")).isEqualTo("PROVIDER");
        assertThat(result.getString("billingType")).isEqualTo("SYSTEM");
        assertThat(result.getInt("latencyMs")).isNotNegative();
        assertThat(result.getInt("version")).isEqualTo(1);
        assertThat(result.getString("model")).isEqualTo(FakeModelProvider.PREMIUM_MODEL);

        JsonObject stored = pro.get(response.header("Location").orElseThrow()).json();
        assertThat(stored.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(stored.getString("channel")).isEqualTo("API");
        assertThat(stored.getString("output")).isEqualTo("A short summary.");
        assertThat(stored.getJsonObject("variables").getString("text")).isEqualTo("the report");
        assertThat(stored.getString("cost")).isEqualTo("0.000136");
    }

    @Test
    void streamsServerSentEventsWhenAskedInTheBodyOrByAccept() {
        ApiClient pro = api.as(api.accounts().pro());
        String prompt = productionPrompt(pro);
        provider.willNext(Answer.reply("one two three", usage(5, 3, null)),
                Answer.reply("four five", usage(5, 2, null)));

        ApiResponse byBody = pro.post("/api/v1/prompts/" + prompt + "/executions",
                "{\"variables\": {\"text\": \"x\"}, \"stream\": true}");
        ApiResponse byAccept = pro.withHeader("Accept", "text/event-stream")
                .post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x"));

        for (ApiResponse response : List.of(byBody, byAccept)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/event-stream");
            assertThat(response.header("Cache-Control")).contains("no-cache");
        }
        List<Event> events = events(byBody);
        assertThat(events).extracting(Event::name).containsExactly("delta", "delta", "delta", "done");
        assertThat(events.subList(0, 3)).extracting(e -> e.data().getString("text")).containsExactly("one ", "two ", "three");
        JsonObject done = events.getLast().data();
        assertThat(done.getString("output")).isEqualTo("one two three");
        assertThat(done.getString("costSource")).isEqualTo("ESTIMATED"); // 5 × 0.000001 + 3 × 0.000002 + 0.0001
        assertThat(done.getString("cost")).isEqualTo("0.000111");
        assertThat(pro.get("/api/v1/executions/" + done.getString("id")).json().getString("output"))
                .isEqualTo("one two three");
        assertThat(events(byAccept).getLast().data().getString("output")).isEqualTo("four five");
    }

    @Test
    void deliversEachDeltaBeforeTheRunEnds() throws Exception {
        Account account = api.accounts().pro();
        String prompt = productionPrompt(api.as(account));
        CountDownLatch firstDeltaSeen = new CountDownLatch(1);
        provider.willNext((request, listener) -> {
            listener.onDelta("first ");
            if (!firstDeltaSeen.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the first delta never reached the client");
            }
            listener.onDelta("second");
            return new CompletionResult("first second", "stop", usage(1, 2, null), null, request.model());
        });
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server().port()
                        + "/api/v1/prompts/" + prompt + "/executions"))
                .header("Authorization", "Bearer " + account.key())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.render("x")))
                .build();

        List<String> lines = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient();
             Stream<String> body = http.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            body.forEach(line -> {
                lines.add(line);
                if (line.equals("data: {\"text\":\"first \"}")) {
                    firstDeltaSeen.countDown();
                }
            });
        }

        assertThat(firstDeltaSeen.getCount()).isZero();
        assertThat(lines).contains("event: done", "data: {\"text\":\"second\"}");
    }

    @Test
    void stopsTheRunWhenTheClientLeavesTheStreamAndRecordsWhy() throws Exception {
        Account account = api.accounts().pro();
        String prompt = productionPrompt(api.as(account));
        AtomicInteger sent = new AtomicInteger();
        provider.willNext((request, listener) -> {
            for (int i = 0; i < 1_000; i++) {
                listener.onDelta("word" + i + " ");
                sent.incrementAndGet();
                Thread.sleep(10);
            }
            return new CompletionResult("never", "stop", usage(1, 1, null), null, request.model());
        });
        String body = Bodies.render("x");

        try (LogCapture log = LogCapture.start()) {
            leaveMidStream(account, prompt, body);

            JsonObject recorded = eventually(() -> api.as(account).get("/api/v1/executions").items().stream()
                    .map(JsonValue::asJsonObject).findFirst().orElse(null));
            assertThat(recorded.getString("status")).isEqualTo("FAILED");
            assertThat(recorded.getString("errorCode")).isEqualTo("CLIENT_DISCONNECTED");
            assertThat(sent.get()).isLessThan(1_000);
            assertThat(log.text()).as("a client leaving is no server error").doesNotContain("SEVERE");
        }
    }

    private static void leaveMidStream(Account account, String prompt, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.server().port())) {
            socket.getOutputStream().write(("POST /api/v1/prompts/" + prompt + "/executions HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + account.key() + "\r\n"
                    + "Content-Type: application/json\r\nAccept: text/event-stream\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.equals("event: delta"));
            assertThat(line).isEqualTo("event: delta");
        }
    }

    @Test
    void reportsAFailureInTheMiddleOfTheStreamAsAnErrorEvent() {
        ApiClient pro = api.as(api.accounts().pro());
        String prompt = productionPrompt(pro);
        provider.willNext(Answer.failMidStream("a b c d"));

        ApiResponse response = pro.post("/api/v1/prompts/" + prompt + "/executions",
                "{\"variables\": {\"text\": \"x\"}, \"stream\": true}");

        assertThat(response.status()).isEqualTo(200);
        List<Event> events = events(response);
        assertThat(events).extracting(Event::name).containsExactly("delta", "delta", "error");
        JsonObject problem = events.getLast().data();
        assertThat(problem.getString("code")).isEqualTo("PROVIDER_ERROR");
        assertThat(problem.getInt("status")).isEqualTo(502);
        assertThat(pro.get("/api/v1/executions?status=FAILED").items()).hasSize(1);
    }

    @Test
    void refusesARunBodyWithAFractionalVersionOrANonBooleanStreamAndRunsNothing() {
        ApiClient pro = api.as(api.accounts().pro());
        String prompt = productionPrompt(pro);
        int before = pro.get("/api/v1/executions").items().size();

        for (String body : List.of("{\"version\": 1.5}", "{\"version\": 4294967297}", "{\"stream\": 1}",
                "{\"variables\": {\"text\": \"x\"}, \"temperature\": 0}")) {
            ApiResponse response = pro.post("/api/v1/prompts/" + prompt + "/executions", body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().getJsonArray("violations").getJsonObject(0).getString("field"))
                    .as(body).isIn("version", "stream", "temperature");
        }
        assertThat(provider.requests()).isEmpty();
        assertThat(pro.get("/api/v1/executions").items()).hasSize(before);
    }

    @Test
    void refusesAStreamedRunBeforeAnyTextWithItsOwnStatus() {
        ApiClient pro = api.as(api.accounts().pro());
        String prompt = productionPrompt(pro);

        ApiResponse response = pro.post("/api/v1/prompts/" + prompt + "/executions", "{\"stream\": true}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void answers429WithTheSecondsToMidnightWhenTheFreeQuotaIsUsedUp() {
        Account freeAdmin = api.accounts().keyFor(api.accounts().user(Plan.FREE, Role.ADMIN), null, Set.of());
        ApiClient client = api.as(freeAdmin);
        String prompt = productionPrompt(client);
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x")).status())
                    .isEqualTo(201);
        }

        ApiResponse refused = client.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("QUOTA_EXCEEDED");
        long toMidnight = Duration.between(Instant.now(),
                LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(toMidnight - 5, toMidnight + 1);
        assertThat(client.get("/api/v1/me").json().getJsonObject("usage").getInt("remaining")).isZero();
    }

    @Test
    void refusesTheApiToAFreeUser() {
        ApiResponse response = api.as(api.accounts().free()).post("/api/v1/prompts/any/executions", Bodies.render("x"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("PLAN_REQUIRED");
    }

    @Test
    void mapsProviderFailuresToTheirStatusesWithTheProvidersRetryAfter() {
        ApiClient pro = api.as(api.accounts().pro());
        String prompt = productionPrompt(pro);
        provider.willNext(Answer.fail(Kind.UNAVAILABLE, 503, Duration.ofSeconds(7)),
                Answer.fail(Kind.INVALID_CREDENTIALS, 401, null),
                Answer.fail(Kind.BLOCKED, 403, null));

        ApiResponse unavailable = pro.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x"));
        ApiResponse rejectedKey = pro.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x"));
        ApiResponse blocked = pro.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x"));

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(unavailable.header("Retry-After")).contains("7");
        assertThat(rejectedKey.status()).isEqualTo(502);
        assertThat(rejectedKey.code()).isEqualTo("PROVIDER_REJECTED_KEY");
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.code()).isEqualTo("PROVIDER_BLOCKED");
        assertThat(pro.get("/api/v1/executions").items()).extracting(v -> v.asJsonObject().getString("errorCode"))
                .containsExactlyInAnyOrder("PROVIDER_UNAVAILABLE", "PROVIDER_REJECTED_KEY", "PROVIDER_BLOCKED");
    }

    @Test
    void listsFiltersAndPagesTheCallersRuns() {
        ApiClient pro = api.as(api.accounts().pro());
        String first = productionPrompt(pro);
        String second = productionPrompt(pro);
        run(pro, first);
        run(pro, first);
        provider.willNext(Answer.fail(Kind.UNAVAILABLE));
        run(pro, first);
        run(pro, second);

        assertThat(pro.get("/api/v1/executions").items()).hasSize(4)
                .allSatisfy(v -> assertThat(v.asJsonObject().get("output")).isEqualTo(JsonValue.NULL));
        assertThat(pro.get("/api/v1/executions?prompt=" + first).items()).hasSize(3);
        assertThat(pro.get("/api/v1/executions?status=FAILED").items()).hasSize(1);
        assertThat(pro.get("/api/v1/executions?billingType=BYOK").items()).isEmpty();
        assertThat(pro.get("/api/v1/executions?model=" + FakeModelProvider.PREMIUM_MODEL).items()).hasSize(4);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(pro.get("/api/v1/executions?from=" + today + "&to=" + today).items()).hasSize(4);
        assertThat(pro.get("/api/v1/executions?to=2000-01-01T00:00:00Z").items()).isEmpty();
        ApiResponse page = pro.get("/api/v1/executions?limit=3");
        assertThat(page.items()).hasSize(3);
        ApiResponse next = pro.get("/api/v1/executions?limit=3&cursor=" + page.json().getString("nextCursor"));
        assertThat(next.items()).hasSize(1);
        assertThat(next.json().get("nextCursor")).isEqualTo(JsonValue.NULL);
        assertThat(pro.get("/api/v1/executions?status=DONE").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(pro.get("/api/v1/executions?from=yesterday").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(pro.get("/api/v1/executions/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void exportsTheFilteredRunsAsCsv() {
        ApiClient pro = api.as(api.accounts().pro());
        String prompt = productionPrompt(pro);
        provider.willNext(Answer.reply("ok", usage(1, 2, new BigDecimal("0.5"))));
        String id = run(pro, prompt).json().getString("id");
        provider.willNext(Answer.fail(Kind.BLOCKED));
        run(pro, prompt);

        ApiResponse csv = pro.get("/api/v1/executions/export.csv?status=SUCCEEDED");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment; filename=\"executions.csv\"");
        assertThat(csv.header("X-Export-Truncated")).contains("false");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("id,createdAt,prompt,version,provider,model,channel,billingType,status,"
                + "errorCode,finishReason,promptTokens,completionTokens,cost,costSource,latencyMs,providerRequestId");
        assertThat(lines[1]).startsWith(id + ",").contains("," + prompt + ",1,fake,openai/gpt-4o-mini,API,SYSTEM,"
                + "SUCCEEDED,,stop,1,2,0.5,PROVIDER,");
    }

    @Test
    void reportsAnalyticsWithExactCostsPerGroup() {
        ApiClient pro = api.as(api.accounts().pro());
        String prompt = productionPrompt(pro);
        provider.willNext(Answer.reply("ok", usage(1, 2, new BigDecimal("0.000000000001"))),
                Answer.reply("ok", usage(3, 4, new BigDecimal("0.1"))),
                Answer.fail(Kind.TIMEOUT));
        run(pro, prompt);
        run(pro, prompt);
        run(pro, prompt);

        JsonObject report = pro.get("/api/v1/analytics?groupBy=version").json();

        assertThat(report.getString("groupBy")).isEqualTo("version");
        assertThat(report.getString("to")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        JsonObject group = report.getJsonArray("groups").getJsonObject(0);
        assertThat(group.getString("prompt")).isEqualTo(prompt);
        assertThat(group.getInt("version")).isEqualTo(1);
        assertThat(group.get("day")).isEqualTo(JsonValue.NULL);
        JsonObject measures = group.getJsonObject("measures");
        assertThat(measures.getInt("runs")).isEqualTo(3);
        assertThat(measures.getInt("successes")).isEqualTo(2);
        assertThat(measures.getInt("errors")).isEqualTo(1);
        assertThat(measures.getInt("totalTokens")).isEqualTo(10);
        assertThat(measures.getString("cost")).isEqualTo("0.100000000001");
        assertThat(measures.getInt("unknownCostRuns")).isEqualTo(1);
        assertThat(report.getJsonObject("totals").getString("cost")).isEqualTo("0.100000000001");
        assertThat(pro.get("/api/v1/analytics?groupBy=week").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(pro.get("/api/v1/analytics?from=2026-03-02&to=2026-03-01").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void needsExecutionsRunToRunAndAnalyticsReadToReadRuns() {
        Account owner = api.accounts().pro();
        ApiClient all = api.as(owner);
        String prompt = productionPrompt(all);
        ApiClient runner = api.as(api.accounts().keyFor(owner.user(), null, Set.of(Scope.EXECUTIONS_RUN)));
        ApiClient reader = api.as(api.accounts().keyFor(owner.user(), null, Set.of(Scope.PROMPTS_READ)));

        assertThat(runner.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x")).status()).isEqualTo(201);
        assertThat(reader.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x")).code())
                .isEqualTo("SCOPE_REQUIRED");
        assertThat(runner.get("/api/v1/executions").code()).isEqualTo("SCOPE_REQUIRED");
        assertThat(reader.get("/api/v1/executions").code()).isEqualTo("SCOPE_REQUIRED");
        assertThat(runner.get("/api/v1/analytics").code()).isEqualTo("SCOPE_REQUIRED");
    }

    @Test
    void hasARowForEveryAnsweredRunWhenTheAnswersArrive() throws Exception {
        Account account = api.accounts().pro();
        ApiClient pro = api.as(account);
        String prompt = productionPrompt(pro);
        provider.willAlways((request, listener) -> {
            Thread.sleep(10);
            if (Math.floorMod(request.requestId().hashCode(), 4) == 0) {
                throw new io.promptmanager.plugin.model.ProviderException(Kind.UNAVAILABLE, "down", true);
            }
            return Answer.reply("ok", usage(1, 1, null)).answer(request, listener);
        });
        ExecutorService executor = Executors.newFixedThreadPool(16);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 48; i++) {
                statuses.add(executor.submit(() ->
                        pro.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x")).status()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }

            assertThat(answered).containsOnly(201, 503);
            long rows = api.core().database().dbClient().execute()
                    .get("SELECT count(*) AS n FROM executions WHERE user_id = ?::uuid", account.id())
                    .orElseThrow().column("n").get(Long.class);
            assertThat(rows).isEqualTo(answered.size());
        } finally {
            executor.shutdownNow();
        }
    }

    private static <T> T eventually(java.util.function.Supplier<T> value) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T found = value.get();
        while (found == null && System.nanoTime() < until) {
            Thread.sleep(50);
            found = value.get();
        }
        assertThat(found).as("appeared within 20 s").isNotNull();
        return found;
    }

    private static ApiResponse run(ApiClient client, String prompt) {
        return client.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x"));
    }

    /** A prompt whose version 1 (PRODUCTION) runs openai/gpt-4o-mini and needs {@code text}. */
    private static String productionPrompt(ApiClient client) {
        String name = "run-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.post("/api/v1/prompts", Bodies.prompt(name)).status()).isEqualTo(201);
        assertThat(client.post("/api/v1/prompts/" + name + "/versions", Bodies.version("Summarise.")).status())
                .isEqualTo(201);
        assertThat(client.post("/api/v1/prompts/" + name + "/versions/1/promote", null).status()).isEqualTo(200);
        return name;
    }

    private record Event(String name, JsonObject data) {
    }

    private static List<Event> events(ApiResponse response) {
        List<Event> events = new ArrayList<>();
        for (String block : response.body().split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            try (var reader = Json.createReader(new StringReader(data))) {
                events.add(new Event(name, reader.readObject()));
            }
        }
        return events;
    }
}
