package io.promptmanager.server;

import io.promptmanager.server.http.ApiRoute;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.RunningApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document and the routes the server really registered describe the same API:
 * a route missing from the document, or documented but absent, fails here.
 */
class OpenApiDocumentIT {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern REF = Pattern.compile("\\$ref=#/([^,}\\]]+)");

    private static RunningApi api;
    private static Map<String, Object> document;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
        ApiResponse served = api.client().get("/openapi");
        assertThat(served.status()).isEqualTo(200);
        document = new Yaml().load(served.body());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void documentsExactlyTheRoutesTheServerRegistered() {
        Set<ApiRoute> registered = new TreeSet<>(api.server().routes());

        assertThat(documentedRoutes()).containsExactlyElementsOf(registered);
        assertThat(registered).hasSizeGreaterThan(30);
    }

    @Test
    void isOpenApi31WithBearerSecurityAndAProblemSchema() {
        Map<String, Object> components = map(document.get("components"));
        Map<String, Object> bearer = map(map(components.get("securitySchemes")).get("apiKey"));

        assertThat(String.valueOf(document.get("openapi"))).startsWith("3.1.");
        assertThat(bearer).containsEntry("type", "http").containsEntry("scheme", "bearer");
        assertThat(map(map(components.get("schemas")).get("Problem")).get("required").toString())
                .contains("type", "title", "status", "detail", "code");
    }

    @Test
    void everyOperationHasAnIdAndAnErrorAnswerAndEveryReferenceResolves() {
        Set<String> operationIds = new TreeSet<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                Map<String, Object> op = map(operation);
                assertThat(operationIds.add(String.valueOf(op.get("operationId")))).as(method + " " + path).isTrue();
                // operations without an API key (the payment processor's webhooks) say so and answer 400 instead
                boolean keyless = List.of().equals(op.get("security"));
                assertThat(map(op.get("responses")).keySet()).as(method + " " + path).contains(keyless ? "400" : "401");
            }
        }));
        Matcher refs = REF.matcher(document.toString());
        List<String> unresolved = new ArrayList<>();
        int checked = 0;
        while (refs.find()) {
            checked++;
            Object target = document;
            for (String part : refs.group(1).split("/")) {
                target = target instanceof Map<?, ?> m ? m.get(part) : null;
            }
            if (target == null) {
                unresolved.add(refs.group(1));
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(unresolved).isEmpty();
    }

    @Test
    void onlyThePaymentProcessorsWebhookIsDocumentedWithoutApiKey() {
        Set<ApiRoute> keyless = new TreeSet<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method) && map(operation).containsKey("security")) {
                keyless.add(new ApiRoute(method.toUpperCase(Locale.ROOT), path));
            }
        }));

        assertThat(keyless).containsExactly(new ApiRoute("POST", "/api/v1/billing/webhooks/{provider}"));
    }

    private static Set<ApiRoute> documentedRoutes() {
        Set<ApiRoute> routes = new TreeSet<>();
        map(document.get("paths")).forEach((path, item) -> map(item).keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> routes.add(new ApiRoute(method.toUpperCase(Locale.ROOT), path))));
        return routes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
