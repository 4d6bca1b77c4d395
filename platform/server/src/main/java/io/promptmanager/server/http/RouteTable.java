package io.promptmanager.server.http;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The endpoints the server really registered, filled by {@link RouteRecorder} while the routing
 * is built. Used to answer 405 with {@code Allow}, and by the OpenAPI completeness test.
 */
public final class RouteTable {
    private final List<ApiRoute> routes = new CopyOnWriteArrayList<>();

    void add(ApiRoute route) {
        if (routes.contains(route)) {
            throw new IllegalStateException("Route registered twice: " + route);
        }
        routes.add(route);
    }

    /** Every route, sorted by path then method. */
    public List<ApiRoute> routes() {
        return routes.stream().sorted().toList();
    }

    /** The methods some route accepts on this concrete path; empty when no route has this path. */
    public Set<String> methodsFor(String requestPath) {
        return routes.stream()
                .filter(route -> route.matches(requestPath))
                .map(ApiRoute::method)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
