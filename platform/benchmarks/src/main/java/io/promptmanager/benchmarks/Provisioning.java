package io.promptmanager.benchmarks;

import java.time.Duration;
import java.util.UUID;

/**
 * Sets the product up through its public API, as a customer would: a PRO user with an API key,
 * a prompt whose PRODUCTION version has variables, and one run that proves the whole path works
 * (and shows what the product sends upstream, which the other arms then send too).
 */
final class Provisioning {
    static final String PROMPT = "welcome";
    static final String RUN_BODY = "{\"variables\":{\"name\":\"Ada\",\"product\":\"Prompt Manager\"}}";
    private static final String VERSION = """
            {"messages":[{"role":"system","content":"You write short, warm welcome messages."},
                         {"role":"user","content":"Welcome {{name}} to {{product}} in one sentence."}],
             "variables":[{"name":"name","type":"string","required":true},
                          {"name":"product","type":"string","required":true}],
             "model":"%s","parameters":{"temperature":0.2,"maxTokens":64},"commitMessage":"benchmark"}"""
            .formatted(FakeUpstream.MODEL);

    private Provisioning() {
    }

    /** A PRO user and its API key (all scopes). */
    record Account(UUID userId, String apiKey) {
    }

    static Account proUser(Http admin, String name) {
        Http.Answer user = admin.post("/api/v1/admin/users", """
                {"email":"%s@example.com","password":"correct horse battery staple","displayName":"%s","plan":"PRO"}"""
                .formatted(name, name)).expect(201);
        UUID id = UUID.fromString(user.json().get("id").asText());
        Http.Answer key = admin.post("/api/v1/admin/users/" + id + "/api-keys", "{\"name\":\"benchmark\"}").expect(201);
        return new Account(id, key.json().get("key").asText());
    }

    /** Creates {@link #PROMPT} with a PRODUCTION version once the catalogue offers its model. */
    static void productionPrompt(Http user) {
        awaitModel(user, Duration.ofSeconds(60));
        user.post("/api/v1/prompts", "{\"name\":\"" + PROMPT + "\",\"description\":\"Greets a new user\",\"tags\":[]}")
                .expect(201);
        user.post("/api/v1/prompts/" + PROMPT + "/versions", VERSION).expect(201);
        user.post("/api/v1/prompts/" + PROMPT + "/versions/1/promote", "").expect(200);
    }

    /** Runs the prompt once and checks the answer came from the fake upstream. */
    static void runOnce(Http user) {
        Http.Answer run = user.post(runPath(), RUN_BODY).expect(201);
        String output = run.json().path("output").asText();
        if (!output.equals(FakeUpstream.ANSWER)) {
            throw new IllegalStateException("unexpected run output: " + run.body());
        }
    }

    static String runPath() {
        return "/api/v1/prompts/" + PROMPT + "/executions";
    }

    static String productionPath() {
        return "/api/v1/prompts/" + PROMPT + "/production";
    }

    private static void awaitModel(Http user, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!user.get("/api/v1/models").expect(200).body().contains(FakeUpstream.MODEL)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the model catalogue never offered " + FakeUpstream.MODEL);
            }
            Product.sleep(Duration.ofMillis(200));
        }
    }
}
