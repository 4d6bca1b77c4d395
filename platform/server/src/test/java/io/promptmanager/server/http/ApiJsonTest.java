package io.promptmanager.server.http;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

public class ApiJsonTest {
    public record Item(String name, Integer size) {
    }

    public record Order(String id, List<Item> items, Instant at) {
    }

    @Test
    void readsAKnownShape() {
        Order order = ApiJson.parse("""
                {"id": "o1", "items": [{"name": "a", "size": 2}], "at": "2026-01-02T03:04:05Z"}
                """, Order.class);

        assertThat(order).isEqualTo(new Order("o1", List.of(new Item("a", 2)), Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void unknownTopLevelFieldIsNamed() {
        assertThat(violations("{\"id\": \"o1\", \"colour\": \"red\"}"))
                .containsExactly(new Violation("colour", "unknown field"));
    }

    @Test
    void unknownNestedFieldIsNamedWithItsPath() {
        assertThat(violations("{\"items\": [{\"name\": \"a\", \"weight\": 3}]}"))
                .containsExactly(new Violation("items.weight", "unknown field"));
    }

    @Test
    void wrongTypeNamesTheFieldWithoutClassNames() {
        List<Violation> violations = violations("{\"items\": [{\"size\": \"big\"}]}");

        assertThat(violations).extracting(Violation::field).containsExactly("items.size");
        assertThat(violations.toString()).doesNotContain("java.").doesNotContain("Integer");
    }

    @Test
    void badTimestampNamesTheField() {
        assertThat(violations("{\"at\": \"yesterday\"}")).extracting(Violation::field).containsExactly("at");
    }

    @Test
    void malformedJsonIsABodyViolationWithItsPosition() {
        List<Violation> violations = violations("{\"id\": ");

        assertThat(violations).extracting(Violation::field).containsExactly("body");
        assertThat(violations.getFirst().message()).startsWith("malformed JSON at line 1");
    }

    @Test
    void anArrayWhereAnObjectIsExpectedIsABodyViolation() {
        assertThat(violations("[1, 2]")).extracting(Violation::field).containsExactly("body");
    }

    @Test
    void writesNullsExplicitlyAndTimesAsIsoUtc() {
        String json = new String(ApiJson.write(new Order("o1", null, Instant.parse("2026-01-02T03:04:05Z"))),
                StandardCharsets.UTF_8);

        assertThat(json).contains("\"items\":null").contains("\"at\":\"2026-01-02T03:04:05Z\"");
    }

    @Test
    void writesProblemsInRfcOrderWithoutAbsentMembers() {
        Problem problem = Problem.of(ErrorCode.NOT_FOUND, "Prompt not found", "/api/v1/prompts/x");

        String json = new String(ApiJson.write(problem), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"type\":\"urn:prompt-manager:problem:not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"Prompt not found\",\"instance\":\"/api/v1/prompts/x\","
                + "\"code\":\"NOT_FOUND\"}");
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsABodyViolationNotAStackOverflow() {
        String deep = "{\"id\":\"o1\",\"items\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertThat(violations(deep)).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("body", "malformed JSON: nested too deeply"));
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        String name = "[".repeat(ApiJson.MAX_NESTING + 1) + "\\\"{";
        Order order = ApiJson.parse("{\"id\":" + quoted(name) + ",\"items\":[{\"name\":\"a\",\"size\":1}]}",
                Order.class);

        assertThat(order.id()).isEqualTo(name.replace("\\\"", "\""));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static List<Violation> violations(String json) {
        DomainException failure = catchThrowableOfType(DomainException.class, () -> ApiJson.parse(json, Order.class));
        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        return failure.violations();
    }
}
