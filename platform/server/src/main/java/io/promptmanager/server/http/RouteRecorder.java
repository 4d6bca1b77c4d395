package io.promptmanager.server.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * Routing rules that register into Helidon and, at the same time, note every method + path in a
 * {@link RouteTable}, so the table is exactly what the server serves. Only the verb methods with
 * an explicit path are allowed: anything else would register a route the table cannot see.
 */
public final class RouteRecorder implements HttpRules {
    private final HttpRules delegate;
    private final RouteTable table;
    private final String prefix;

    public RouteRecorder(HttpRules delegate, RouteTable table) {
        this(delegate, table, "");
    }

    private RouteRecorder(HttpRules delegate, RouteTable table, String prefix) {
        this.delegate = delegate;
        this.table = table;
        this.prefix = prefix;
    }

    @Override
    public HttpRules register(HttpService... services) {
        return register("/", services);
    }

    @Override
    public HttpRules register(String path, HttpService... services) {
        String servicePrefix = join(prefix, path);
        for (HttpService service : services) {
            delegate.register(path, rules -> service.routing(new RouteRecorder(rules, table, servicePrefix)));
        }
        return this;
    }

    @Override
    public HttpRules get(String path, Handler... handlers) {
        return verb(Method.GET, path, handlers);
    }

    @Override
    public HttpRules post(String path, Handler... handlers) {
        return verb(Method.POST, path, handlers);
    }

    @Override
    public HttpRules put(String path, Handler... handlers) {
        return verb(Method.PUT, path, handlers);
    }

    @Override
    public HttpRules patch(String path, Handler... handlers) {
        return verb(Method.PATCH, path, handlers);
    }

    @Override
    public HttpRules delete(String path, Handler... handlers) {
        return verb(Method.DELETE, path, handlers);
    }

    @Override
    public HttpRules route(HttpRoute route) {
        throw new IllegalStateException("Register API routes with get/post/put/patch/delete and a path, "
                + "so the route table (405 answers, OpenAPI test) sees them");
    }

    private HttpRules verb(Method method, String path, Handler... handlers) {
        if (handlers.length != 1) {
            throw new IllegalArgumentException("One handler per API route, got " + handlers.length);
        }
        table.add(new ApiRoute(method.text(), join(prefix, path)));
        delegate.route(method, path, handlers[0]);
        return this;
    }

    private static String join(String base, String path) {
        String tail = "/".equals(path) ? "" : path;
        String joined = ("/".equals(base) ? "" : base) + tail;
        return joined.isEmpty() ? "/" : joined;
    }
}
