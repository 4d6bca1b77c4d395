package io.promptmanager.server.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** The few ways an API handler answers. */
public final class Responses {
    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");
    private Responses() {
    }

    public static void ok(ServerResponse response, Object body) {
        json(response, Status.OK_200, body);
    }

    public static void created(ServerResponse response, String location, Object body) {
        createdJson(response, location, ApiJson.write(body));
    }

    /** 201 with a body already serialized as JSON. */
    public static void createdJson(ServerResponse response, String location, byte[] json) {
        response.header(HeaderNames.LOCATION, location);
        send(response, Status.CREATED_201, json);
    }

    /** 201 for a body holding a secret shown once: no Location, and never stored by a cache. */
    public static void createdSecret(ServerResponse response, Object body) {
        response.header(NO_STORE);
        json(response, Status.CREATED_201, body);
    }

    public static void noContent(ServerResponse response) {
        response.status(Status.NO_CONTENT_204).send();
    }

    /** 200 with a body already serialized as JSON. */
    public static void okJson(ServerResponse response, byte[] json) {
        send(response, Status.OK_200, json);
    }

    public static void json(ServerResponse response, Status status, Object body) {
        send(response, status, ApiJson.write(body));
    }

    private static void send(ServerResponse response, Status status, byte[] json) {
        response.status(status)
                .header(HeaderNames.CONTENT_TYPE, ApiJson.MEDIA_TYPE)
                .send(json);
    }
}
