package io.promptmanager.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRouteTest {
    private final ApiRoute version = new ApiRoute("GET", "/api/v1/prompts/{name}/versions/{number}");

    @Test
    void matchesAConcretePathSegmentBySegment() {
        assertThat(version.matches("/api/v1/prompts/summarise/versions/3")).isTrue();
        assertThat(version.matches("/api/v1/prompts/summarise/versions/3/")).isTrue();
    }

    @Test
    void doesNotMatchOtherShapes() {
        assertThat(version.matches("/api/v1/prompts/summarise/versions")).isFalse();
        assertThat(version.matches("/api/v1/prompts/summarise/versions/3/promote")).isFalse();
        assertThat(version.matches("/api/v1/prompts//versions/3")).isFalse();
        assertThat(version.matches("/api/v1/categories/summarise/versions/3")).isFalse();
    }

    @Test
    void tableAnswersTheMethodsOfAPath() {
        RouteTable table = new RouteTable();
        table.add(new ApiRoute("GET", "/api/v1/prompts/{name}"));
        table.add(new ApiRoute("PUT", "/api/v1/prompts/{name}"));
        table.add(new ApiRoute("GET", "/api/v1/prompts"));

        assertThat(table.methodsFor("/api/v1/prompts/x")).containsExactly("GET", "PUT");
        assertThat(table.methodsFor("/api/v1/nothing")).isEmpty();
    }
}
