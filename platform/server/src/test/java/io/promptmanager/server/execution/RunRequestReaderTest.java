package io.promptmanager.server.execution;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RunRequestReaderTest {

    @Test
    void readsVariablesVersionAndStreamKeepingTheVariablesOrderAndTypes() {
        RunRequest request = read("""
                {"stream": true, "version": 3,
                 "variables": {"zeta": "z", "count": 2.50, "on": false, "none": null,
                               "nested": {"list": [1, "two", null, true]}}}
                """);

        assertThat(request.version()).isEqualTo(3);
        assertThat(request.streamAsked()).isTrue();
        assertThat(request.variables()).containsOnlyKeys("zeta", "count", "on", "none", "nested");
        assertThat(request.variables().keySet()).containsExactly("zeta", "count", "on", "none", "nested");
        assertThat(request.variables().get("count")).isEqualTo(new BigDecimal("2.50"));
        assertThat(request.variables().get("on")).isEqualTo(false);
        assertThat(request.variables().get("none")).isNull();
        assertThat(request.variables().get("nested"))
                .isEqualTo(Map.of("list", Arrays.asList(new BigDecimal("1"), "two", null, true)));
    }

    @Test
    void everyFieldIsOptionalAndNullMeansAbsent() {
        assertThat(read("{}")).isEqualTo(new RunRequest(null, null, null));
        assertThat(read("{\"variables\":null,\"version\":null,\"stream\":null}")).isEqualTo(new RunRequest(null, null, null));
        assertThat(read(" null ")).isNull();
        assertThat(read("{\"stream\":false}").streamAsked()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"version\":2.5}                 | version   | has the wrong type or format",
            "{\"version\":99999999999}         | version   | has the wrong type or format",
            "{\"version\":\"2\"}               | version   | has the wrong type or format",
            "{\"stream\":1}                    | stream    | has the wrong type or format",
            "{\"stream\":\"true\"}             | stream    | has the wrong type or format",
            "{\"variables\":[]}                | variables | has the wrong type or format",
            "{\"variables\":\"x\"}             | variables | has the wrong type or format",
            "{\"variables\":{},\"model\":\"m\"} | model     | unknown field",
            "[]                                | body      | the body does not have the expected JSON shape",
            "\"text\"                          | body      | the body does not have the expected JSON shape",
    })
    void refusesWhatIsNotARunRequestNamingTheField(String body, String field, String message) {
        assertThat(violations(body)).containsExactly(new Violation(field, message));
    }

    @Test
    void malformedJsonIsABodyViolationWithItsPosition() {
        assertThat(violations("{\"version\": 1,\n \"stream\": tru}")).singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("body");
                    assertThat(v.message()).startsWith("malformed JSON at line 2, column");
                });
        assertThat(violations("{\"version\":1} {}")).extracting(Violation::field).containsExactly("body");
        assertThat(violations("{\"version\":")).extracting(Violation::message)
                .allMatch(m -> m.startsWith("malformed JSON"));
        assertThat(violations("   ")).extracting(Violation::message).allMatch(m -> m.startsWith("malformed JSON"));
    }

    private static RunRequest read(String json) {
        return RunRequestReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Violation> violations(String json) {
        Throwable thrown = catchThrowable(() -> read(json));
        assertThat(thrown).as(json).isInstanceOf(DomainException.class);
        DomainException e = (DomainException) thrown;
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        return e.violations();
    }

    @Test
    void aDeeplyNestedVariableIsRefusedNotAStackOverflow() {
        String deep = "{\"variables\":{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        assertThat(violations(deep)).containsExactly(new Violation("body", "malformed JSON: nested too deeply"));
    }
}
