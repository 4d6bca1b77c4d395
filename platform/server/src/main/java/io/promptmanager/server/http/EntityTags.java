package io.promptmanager.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** Strong entity tags and the {@code If-None-Match} check (RFC 9110 §13.1.2). */
public final class EntityTags {
    private EntityTags() {
    }

    /** The tag in its quoted wire form, whether core gave it quoted or not. */
    public static String quoted(String tag) {
        return tag.startsWith("\"") && tag.endsWith("\"") && tag.length() >= 2 ? tag : "\"" + tag + "\"";
    }

    /** True when the request's If-None-Match lists this tag (weak comparison) or is {@code *}. */
    public static boolean noneMatchHits(ServerRequest request, String quotedTag) {
        if (!request.headers().contains(HeaderNames.IF_NONE_MATCH)) {
            return false;
        }
        for (String header : request.headers().get(HeaderNames.IF_NONE_MATCH).allValues()) {
            for (String candidate : header.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*")) {
                    return true;
                }
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals(quotedTag)) {
                    return true;
                }
            }
        }
        return false;
    }
}
