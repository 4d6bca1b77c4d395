package io.promptmanager.server.http;

import java.util.Comparator;

/**
 * One registered endpoint: an HTTP method and a path template such as
 * {@code /api/v1/prompts/{name}/versions/{number}} (the OpenAPI spelling).
 */
public record ApiRoute(String method, String path) implements Comparable<ApiRoute> {
    private static final Comparator<ApiRoute> ORDER =
            Comparator.comparing(ApiRoute::path).thenComparing(ApiRoute::method);

    /** True when a concrete request path fits this template ({@code {x}} stands for one segment). */
    public boolean matches(String requestPath) {
        String[] template = segments(path);
        String[] actual = segments(requestPath);
        if (template.length != actual.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
            if (variable ? actual[i].isEmpty() : !template[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return trimmed.split("/", -1);
    }

    @Override
    public int compareTo(ApiRoute other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
